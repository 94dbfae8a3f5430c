import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorDetails, errorText } from '../../core/api/error-text';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/confirm-dialog/confirm-dialog';
import { ApplicationsApi, applicationRequest, historyRequest } from './applications-api';
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  Application,
  ApplicationChanges,
  ApplicationStatus,
  StatusMove,
  applicationStatusLabel,
  httpUrl,
  isStatus,
  readApplication,
  readStatusHistory,
} from './applications';

interface Fields {
  company: string;
  role: string;
  postingUrl: string;
  appliedOn: string;
  notes: string;
}

const fieldsOf = (a: Application | undefined): Fields => ({
  company: a?.company ?? '',
  role: a?.role ?? '',
  postingUrl: a?.postingUrl ?? '',
  appliedOn: a?.appliedOn ?? '',
  notes: a?.notes ?? '',
});

/** /tracker/:id: one application — its details and notes (editable), status, linked draft and posting, and its history. */
@Component({
  selector: 'app-application-detail',
  imports: [
    DatePipe,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatHint,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    MatOption,
    MatSelect,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './application-detail.html',
  styleUrl: './application-detail.scss',
})
export class ApplicationDetail {
  private readonly api = inject(ApplicationsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly id = input.required<string>();

  readonly application = httpResource(() => applicationRequest(this.id()), {
    parse: (body: unknown) => {
      const application = readApplication(body);
      if (!application)
        throw new ApiError({
          code: 'BAD_RESPONSE',
          message: 'The server sent an application this page cannot read.',
          status: 200,
        });
      return application;
    },
  });
  readonly history = httpResource(() => historyRequest(this.id()), { parse: readStatusHistory });

  readonly current = computed(() =>
    this.application.hasValue() ? this.application.value() : undefined,
  );
  readonly loadError = computed(() => {
    const error = this.application.error();
    return error ? toApiError(error) : null;
  });
  /** The form's values; follow the application whenever it is (re)loaded. */
  readonly fields = linkedSignal<Fields>(() => fieldsOf(this.current()));
  readonly dirty = computed(
    () => JSON.stringify(this.fields()) !== JSON.stringify(fieldsOf(this.current())),
  );
  readonly urlProblem = computed(() => {
    const url = this.fields().postingUrl.trim();
    return url && !httpUrl(url) ? 'Enter an address starting with http:// or https://' : '';
  });

  readonly statuses = APPLICATION_STATUSES;
  readonly labels = APPLICATION_STATUS_LABELS;
  readonly statusLabel = applicationStatusLabel;
  readonly saving = signal(false);
  readonly moving = signal(false);
  readonly deleting = signal(false);
  readonly problem = signal<ApiError | null>(null);
  readonly announcement = signal('');
  readonly errorText = errorText;
  readonly errorDetails = errorDetails;

  set<K extends keyof Fields>(key: K, value: string): void {
    this.fields.update((f) => ({ ...f, [key]: value }));
  }

  async save(event: Event): Promise<void> {
    event.preventDefault();
    const base = this.current();
    if (!base || this.urlProblem()) return;
    const f = this.fields();
    const changes: ApplicationChanges = {
      company: f.company.trim(),
      role: f.role.trim(),
      postingUrl: f.postingUrl.trim() || null,
      appliedOn: f.appliedOn || null,
      notes: f.notes,
    };
    this.saving.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.update(base.id, changes));
      this.application.set({
        ...base,
        company: changes.company!,
        role: changes.role!,
        postingUrl: httpUrl(changes.postingUrl),
        appliedOn: changes.appliedOn ?? null,
        notes: changes.notes!,
        updatedAt: new Date().toISOString(),
      });
      this.announcement.set('Changes saved.');
    } catch (error) {
      this.problem.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  async move(to: unknown): Promise<void> {
    const base = this.current();
    if (!base || !isStatus(to) || to === base.status) return;
    this.moving.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.move(base.id, to));
      const at = new Date().toISOString();
      const edited = this.fields();
      this.application.set({
        ...base,
        status: to,
        appliedOn: base.appliedOn ?? (to === 'applied' ? at.slice(0, 10) : null),
        updatedAt: at,
      });
      // A move keeps what is being typed in the form (the fields follow the application otherwise).
      this.fields.set(edited);
      // The history's read model follows a moment later: show the move now.
      const move: StatusMove = { from: base.status, to, at };
      this.history.update((items) => [...(items ?? []), move]);
      this.announcement.set(`Moved to ${APPLICATION_STATUS_LABELS[to as ApplicationStatus]}.`);
    } catch (error) {
      this.problem.set(toApiError(error));
    } finally {
      this.moving.set(false);
    }
  }

  async remove(): Promise<void> {
    const base = this.current();
    if (!base) return;
    const data: ConfirmDialogData = {
      title: 'Delete this application?',
      message: `${base.role} at ${base.company} and its history will be removed from your tracker.`,
      confirm: 'Delete',
    };
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '90vw' })
        .afterClosed(),
    );
    if (confirmed !== true) return;
    this.deleting.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.remove(base.id));
      this.snackBar.open('Application deleted.', undefined, { duration: 4000 });
      await this.router.navigateByUrl('/tracker');
    } catch (error) {
      this.problem.set(toApiError(error));
    } finally {
      this.deleting.set(false);
    }
  }
}
