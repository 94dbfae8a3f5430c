import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  numberAttribute,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar, MatSnackBarRef, TextOnlySnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { readDraftPage } from '../../core/api/drafts';
import { errorText } from '../../core/api/error-text';
import { Session } from '../../core/session/session';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { ApplicationsApi } from '../tracker/applications-api';
import { PostingCard } from './posting-card';
import { PostingsApi, bestRequest, searchRequest } from './postings-api';
import {
  MAX_PAGE,
  PAGE_SIZE,
  POSTED_WITHIN,
  PastSearch,
  Posting,
  SearchQuery,
  describeQuery,
  readBest,
  readSearchPage,
} from './postings';
import { SearchMemory } from './search-memory';

const toRemote = (value: string | undefined): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;
const toDays = (value: unknown): number | null => {
  const days = numberAttribute(value, NaN);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : null;
};
const toPage = (value: unknown): number => {
  const page = numberAttribute(value, 1);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
};

/**
 * /jobs: search postings (keywords, place, remote, age), page through them, keep searches; aim a
 * new draft at a posting, track it as an application, or rank the postings against a draft's
 * résumé. The query lives in the URL (`?q=&location=&remote=yes&within=7&page=2`): reload, back
 * and shared links show the same results; no query in the URL means nothing was searched yet.
 */
@Component({
  selector: 'app-job-search',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatHint,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatPaginator,
    MatProgressBar,
    MatOption,
    MatSelect,
    MatSlideToggle,
    ApiErrorAlert,
    PostingCard,
    SearchMemory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-search.html',
  styleUrl: './job-search.scss',
})
export class JobSearch {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly postings = inject(PostingsApi);
  private readonly applications = inject(ApplicationsApi);
  private readonly snackBar = inject(MatSnackBar);
  readonly session = inject(Session);

  // Query parameters (bound by the router).
  readonly q = input<string | undefined>(undefined);
  readonly location = input<string | undefined>(undefined);
  readonly remote = input<boolean | null, string | undefined>(null, { transform: toRemote });
  readonly within = input<number | null, unknown>(null, { transform: toDays });
  readonly page = input<number, unknown>(1, { transform: toPage });

  readonly postedWithinOptions = POSTED_WITHIN;
  readonly pageSize = PAGE_SIZE;

  readonly query = computed<SearchQuery>(() => ({
    keywords: (this.q() ?? '').slice(0, 200),
    location: (this.location() ?? '').slice(0, 120),
    remote: this.remote(),
    postedWithin: this.within(),
  }));
  /** Anything in the URL means a search was asked for (an empty one lists the newest postings). */
  readonly searched = computed(
    () =>
      this.q() !== undefined ||
      this.location() !== undefined ||
      this.remote() !== null ||
      this.within() !== null,
  );

  // The form: follows the URL, edited freely until "Search".
  readonly keywords = linkedSignal(() => this.q() ?? '');
  readonly place = linkedSignal(() => this.location() ?? '');
  readonly remoteOnly = linkedSignal(() => this.remote() === true);
  readonly days = linkedSignal<number | null>(() => this.within());

  readonly results = httpResource(
    () => (this.searched() ? searchRequest(this.query(), this.page()) : undefined),
    { parse: readSearchPage },
  );
  readonly items = computed(() => (this.results.hasValue() ? this.results.value().items : []));
  readonly total = computed(() => (this.results.hasValue() ? this.results.value().total : 0));
  readonly pagedLength = computed(() => Math.min(this.total(), MAX_PAGE * PAGE_SIZE));
  readonly loadError = computed(() => {
    const error = this.results.error();
    return error ? toApiError(error) : null;
  });
  readonly summary = computed(() => {
    if (!this.searched()) return '';
    if (this.results.isLoading()) return 'Searching…';
    if (this.loadError()) return '';
    const total = this.total();
    const what = describeQuery(this.query());
    const exact = this.results.hasValue() ? this.results.value().totalExact : true;
    const count =
      total === 1 ? '1 posting' : `${exact ? '' : 'about '}${total.toLocaleString('en')} postings`;
    return `${count} · ${what}`;
  });
  /** The last first page that arrived (the API records it as history): the search memory shows it. */
  readonly latestSearch = signal<PastSearch | null>(null);
  private searchCount = 0;
  private snack: MatSnackBarRef<TextOnlySnackBar> | null = null;

  // "Best postings for my résumé": pick a draft, score the current search's top postings.
  readonly bestOpen = signal(false);
  readonly bestDraft = signal<string | null>(null);
  readonly bestFor = signal<{ draftId: string; query: SearchQuery } | null>(null);
  readonly drafts = httpResource(
    () => (this.bestOpen() ? { url: '/api/drafts', params: { page: 1, pageSize: 50 } } : undefined),
    {
      parse: (body: unknown) =>
        readDraftPage(body, { page: 1, pageSize: 50 }).items.filter((d) => d.resume),
    },
  );
  readonly best = httpResource(
    () => {
      const asked = this.bestFor();
      return asked ? bestRequest(asked.draftId, asked.query) : undefined;
    },
    { parse: readBest },
  );
  readonly bestError = computed(() => {
    const error = this.best.error();
    return error ? toApiError(error) : null;
  });
  readonly draftsError = computed(() => {
    const error = this.drafts.error();
    const apiError = error ? toApiError(error) : null;
    // 401: a visitor without drafts yet — the empty list explains it.
    return apiError && apiError.status !== 401 ? apiError : null;
  });

  readonly aiming = signal<string | null>(null);
  readonly tracking = signal<string | null>(null);
  readonly tracked = signal<ReadonlySet<string>>(new Set());
  readonly actionError = signal<ApiError | null>(null);

  readonly errorText = errorText;
  /** Types the template's `let-list` (ng-template contexts are untyped). */
  readonly asPostings = (list: unknown): readonly Posting[] =>
    Array.isArray(list) ? (list as Posting[]) : [];

  constructor() {
    effect(() => {
      if (!this.results.hasValue() || this.page() !== 1) return;
      const { total } = this.results.value();
      const query = this.query();
      untracked(() =>
        this.latestSearch.set({
          id: `latest-${++this.searchCount}`,
          query,
          results: total,
          at: new Date().toISOString(),
        }),
      );
    });
    // The "in your tracker" note belongs to this page.
    inject(DestroyRef).onDestroy(() => this.snack?.dismiss());
  }

  search(event?: Event): void {
    event?.preventDefault();
    this.bestFor.set(null);
    this.go({
      keywords: this.keywords(),
      location: this.place(),
      remote: this.remoteOnly() ? true : null,
      postedWithin: this.days(),
    });
  }

  /** Runs a saved or past search. */
  runQuery(query: SearchQuery): void {
    this.bestFor.set(null);
    this.go(query);
  }

  onPage(event: PageEvent): void {
    const page = event.pageIndex + 1;
    this.navigate({ ...this.params(this.query()), page: page === 1 ? null : page }, true);
  }

  scoreBest(event?: Event): void {
    event?.preventDefault();
    const draftId = this.bestDraft();
    if (draftId) this.bestFor.set({ draftId, query: this.query() });
  }

  showSearch(): void {
    this.bestFor.set(null);
  }

  async aim(posting: Posting): Promise<void> {
    this.aiming.set(posting.id);
    this.actionError.set(null);
    try {
      const { draftId, position } = await firstValueFrom(this.postings.aim(posting.id));
      // The draft page reads its draft at least at this position (read-your-writes).
      await this.router.navigate(['/drafts', draftId], { state: { minPosition: position } });
    } catch (error) {
      this.actionError.set(toApiError(error));
    } finally {
      this.aiming.set(null);
    }
  }

  async track(posting: Posting): Promise<void> {
    this.tracking.set(posting.id);
    this.actionError.set(null);
    try {
      await firstValueFrom(
        this.applications.create({
          company: posting.company ?? 'Unknown company',
          role: posting.title,
          status: 'saved',
          postingId: posting.id,
          postingUrl: posting.url,
        }),
      );
      this.tracked.update((ids) => new Set([...ids, posting.id]));
      this.snack = this.snackBar.open(`“${posting.title}” is in your tracker.`, 'Open tracker', {
        duration: 6000,
      });
      this.snack.onAction().subscribe(() => void this.router.navigateByUrl('/tracker'));
    } catch (error) {
      this.actionError.set(toApiError(error));
    } finally {
      this.tracking.set(null);
    }
  }

  retry(): void {
    this.results.reload();
  }

  private go(query: SearchQuery): void {
    this.navigate({ ...this.params(query), page: null }, false);
  }

  private params(query: SearchQuery): Record<string, string | number | null> {
    return {
      q: query.keywords.trim(),
      location: query.location.trim() || null,
      remote: query.remote === true ? 'yes' : query.remote === false ? 'no' : null,
      within: query.postedWithin,
    };
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl: boolean): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl });
  }
}
