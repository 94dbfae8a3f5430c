import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  inject,
  input,
  linkedSignal,
  numberAttribute,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import {
  DRAFT_STATUSES,
  DraftStatus,
  DraftSummary,
  STATUS_LABELS,
  formatBytes,
} from '../../core/api/drafts';
import { DraftsApi } from '../../core/api/drafts-api';
import { errorText } from '../../core/api/error-text';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/confirm-dialog/confirm-dialog';
import { StatusBadge } from '../../shared/status-badge/status-badge';

/** How long typing pauses before the search runs (tests set 0). */
export const SEARCH_DEBOUNCE_MS = new InjectionToken<number>('SEARCH_DEBOUNCE_MS', {
  factory: () => 300,
});

export const PAGE_SIZES = [10, 20, 50] as const;
const DEFAULT_PAGE_SIZE = 20;

const toStatus = (value: string | undefined): DraftStatus | null =>
  (DRAFT_STATUSES as readonly string[]).includes(value ?? '') ? (value as DraftStatus) : null;
const toPage = (value: unknown): number => {
  const page = numberAttribute(value, 1);
  return Number.isInteger(page) && page >= 1 ? page : 1;
};
const toPageSize = (value: unknown): number => {
  const size = numberAttribute(value, DEFAULT_PAGE_SIZE);
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
};

/**
 * "My drafts": search, status filter, pages and delete. The query lives in the URL
 * (`?q=&status=&page=&pageSize=`), so reload, back and shared links show the same list.
 */
@Component({
  selector: 'app-drafts-list',
  imports: [
    DatePipe,
    RouterLink,
    MatAnchor,
    MatButton,
    MatIconButton,
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatSuffix,
    MatIcon,
    MatInput,
    MatPaginator,
    MatProgressBar,
    ApiErrorAlert,
    StatusBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drafts-list.html',
  styleUrl: './drafts-list.scss',
})
export class DraftsList {
  private readonly api = inject(DraftsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly debounceMs = inject(SEARCH_DEBOUNCE_MS);

  // Query parameters (bound by the router).
  readonly q = input<string | undefined>(undefined);
  readonly status = input<DraftStatus | null, string | undefined>(null, { transform: toStatus });
  readonly page = input<number, unknown>(1, { transform: toPage });
  readonly pageSize = input<number, unknown>(DEFAULT_PAGE_SIZE, { transform: toPageSize });

  readonly statuses = DRAFT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
  readonly pageSizes = [...PAGE_SIZES];
  readonly formatBytes = formatBytes;

  /** What is in the search box; follows the URL, and typing updates it at once. */
  readonly searchText = linkedSignal(() => this.q() ?? '');

  readonly drafts = rxResource({
    params: () => ({
      q: this.q()?.trim() || null,
      status: this.status(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
    stream: ({ params }) => this.api.list(params),
  });

  readonly items = computed<DraftSummary[]>(() =>
    this.drafts.hasValue() ? this.drafts.value().items : [],
  );
  readonly total = computed(() => (this.drafts.hasValue() ? this.drafts.value().total : 0));
  readonly filtered = computed(() => !!this.q()?.trim() || this.status() !== null);
  /** 401: nobody yet (no account, no guest cookie). Not an error: there are simply no drafts. */
  readonly nobody = computed(() => {
    const error = this.drafts.error();
    return !!error && toApiError(error).status === 401;
  });
  readonly loadError = computed(() => {
    const error = this.drafts.error();
    const apiError = error ? toApiError(error) : null;
    return apiError && apiError.status !== 401 ? apiError : null;
  });
  readonly deleteError = signal<ApiError | null>(null);
  readonly deleting = signal<string | null>(null);
  readonly summary = computed(() => {
    if (this.drafts.isLoading()) return 'Loading drafts…';
    if (this.loadError() || this.nobody()) return '';
    const total = this.total();
    return total === 1 ? '1 draft' : `${total} drafts`;
  });

  readonly errorText = errorText;

  private debounce?: ReturnType<typeof setTimeout>;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.debounce));
  }

  onSearchInput(value: string): void {
    this.searchText.set(value);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(
      () => this.navigate({ q: value.trim() || null, page: null }),
      this.debounceMs,
    );
  }

  clearSearch(): void {
    clearTimeout(this.debounce);
    this.searchText.set('');
    this.navigate({ q: null, page: null });
  }

  onStatusChange(value: unknown): void {
    this.navigate({ status: toStatus(typeof value === 'string' ? value : undefined), page: null });
  }

  onPage(event: PageEvent): void {
    const pageSize = event.pageSize === this.pageSize() ? this.pageSize() : event.pageSize;
    const page = event.pageSize === this.pageSize() ? event.pageIndex + 1 : 1;
    this.navigate({
      page: page === 1 ? null : page,
      pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize,
    });
  }

  clearFilters(): void {
    clearTimeout(this.debounce);
    this.searchText.set('');
    this.navigate({ q: null, status: null, page: null });
  }

  retry(): void {
    this.drafts.reload();
  }

  titleOf(draft: DraftSummary): string {
    return draft.title?.trim() || draft.job?.title?.trim() || 'Untitled draft';
  }

  async confirmDelete(draft: DraftSummary): Promise<void> {
    const data: ConfirmDialogData = {
      title: 'Delete this draft?',
      message: `“${this.titleOf(draft)}” and its résumé file will be deleted. This cannot be undone.`,
      confirm: 'Delete',
    };
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '90vw' })
        .afterClosed(),
    );
    if (confirmed !== true) return;
    this.deleteError.set(null);
    this.deleting.set(draft.id);
    try {
      await firstValueFrom(this.api.remove(draft.id));
    } catch (error) {
      this.deleteError.set(toApiError(error));
      return;
    } finally {
      this.deleting.set(null);
    }
    this.snackBar.open('Draft deleted.', undefined, { duration: 4000 });
    // The last item of a later page: go back one page instead of showing an empty one.
    if (this.items().length === 1 && this.page() > 1) this.navigate({ page: this.page() - 1 });
    else this.drafts.reload();
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
