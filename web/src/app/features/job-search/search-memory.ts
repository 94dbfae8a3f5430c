import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { HISTORY_URL, PostingsApi, SAVED_URL } from './postings-api';
import {
  PastSearch,
  SavedSearch,
  SearchQuery,
  describeQuery,
  readHistory,
  readSaved,
} from './postings';

/**
 * A signed-in person's saved searches (save the current one, run, delete) and their recent
 * searches (run again). History is recorded by the API on each first page searched.
 */
@Component({
  selector: 'app-search-memory',
  imports: [
    DatePipe,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved searches</h2>
      @if (current(); as query) {
        <form class="save" (submit)="save($event, query)">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Name this search</mat-label>
            <input
              matInput
              maxlength="100"
              autocomplete="off"
              [value]="name()"
              (input)="name.set($any($event.target).value)"
            />
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="saving() || !name().trim()">
            <mat-icon aria-hidden="true">bookmark</mat-icon>
            Save search
          </button>
        </form>
      }
      @if (problem(); as error) {
        <app-api-error-alert [message]="errorText(error)" [requestId]="error.requestId" />
      }
      @if (saved.error(); as error) {
        <app-api-error-alert
          [message]="'Saved searches could not be loaded: ' + loadErrorText(error)"
        />
      }
      @if (saved.hasValue()) {
        @if (saved.value().length) {
          <ul class="items" aria-label="Saved searches">
            @for (item of saved.value(); track item.id) {
              <li>
                <button mat-button type="button" class="run" (click)="run.emit(item.query)">
                  <span class="name">{{ item.name }}</span>
                  <span class="what">{{ describe(item.query) }}</span>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [attr.aria-label]="'Delete saved search ' + item.name"
                  [disabled]="removing() === item.id"
                  (click)="remove(item)"
                >
                  <mat-icon aria-hidden="true">delete</mat-icon>
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="none">No saved searches yet.</p>
        }
      }
    </section>

    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Recent searches</h2>
      @if (history.hasValue() || latest()) {
        @if (recent().length) {
          <ul class="items" aria-label="Recent searches">
            @for (item of recent(); track item.id) {
              <li>
                <button mat-button type="button" class="run" (click)="run.emit(item.query)">
                  <span class="name">{{ describe(item.query) }}</span>
                  <span class="what">
                    @if (item.results !== null) {
                      {{ item.results }} found ·
                    }
                    @if (item.at) {
                      {{ item.at | date: 'short' }}
                    }
                  </span>
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="none">Your searches will appear here.</p>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      gap: 24px;
      align-content: start;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .save {
      display: grid;
      gap: 8px;
      margin-bottom: 8px;
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .items li {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .run {
      flex: 1 1 auto;
      min-width: 0;
      height: auto;
      padding: 6px 8px;
      justify-content: flex-start;
      text-align: start;
    }
    .run .name,
    .run .what {
      display: block;
      overflow-wrap: anywhere;
      white-space: normal;
    }
    .run .what {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    app-api-error-alert {
      margin: 8px 0;
    }
  `,
})
export class SearchMemory {
  private readonly api = inject(PostingsApi);

  /** The query on screen, or null before the first search (nothing to save yet). */
  readonly current = input<SearchQuery | null>(null);
  /** The last first page searched (the API recorded it): shown at once, then the history is read again. */
  readonly latest = input<PastSearch | null>(null);
  readonly run = output<SearchQuery>();

  readonly saved = httpResource(() => SAVED_URL, { parse: readSaved });
  readonly history = httpResource(() => HISTORY_URL, { parse: readHistory });

  /**
   * The history as read, with the latest search on top while the read model has not caught up
   * with it yet (the same query first in the list means it has).
   */
  readonly recent = computed<PastSearch[]>(() => {
    const read = this.history.hasValue() ? this.history.value() : [];
    const latest = this.latest();
    if (!latest || (read[0] && describeQuery(read[0].query) === describeQuery(latest.query)))
      return read;
    return [latest, ...read].slice(0, 20);
  });

  readonly name = linkedSignal(() => {
    const query = this.current();
    return query ? describeQuery(query).slice(0, 100) : '';
  });
  readonly saving = signal(false);
  readonly removing = signal<string | null>(null);
  readonly problem = signal<ApiError | null>(null);

  readonly describe = describeQuery;
  readonly errorText = errorText;
  readonly loadErrorText = (error: unknown) => errorText(toApiError(error));

  constructor() {
    effect(() => {
      if (this.latest()) untracked(() => this.history.reload());
    });
  }

  async save(event: Event, query: SearchQuery): Promise<void> {
    event.preventDefault();
    const name = this.name().trim();
    if (!name) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      const { id } = await firstValueFrom(this.api.saveSearch(name, query));
      // The read model follows the event a moment later: show the new entry at once.
      const entry: SavedSearch = { id, name, query, at: new Date().toISOString() };
      this.saved.update((list) => [entry, ...(list ?? []).filter((item) => item.id !== id)]);
    } catch (error) {
      this.problem.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  async remove(item: SavedSearch): Promise<void> {
    this.removing.set(item.id);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.removeSaved(item.id));
      this.saved.update((list) => (list ?? []).filter((entry) => entry.id !== item.id));
    } catch (error) {
      this.problem.set(toApiError(error));
    } finally {
      this.removing.set(null);
    }
  }
}
