import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CdkDragDrop } from '@angular/cdk/drag-drop';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { SAVE_FILE } from '../../shared/save-file/save-file';
import { Application, ApplicationStatus, readApplication } from './applications';
import { TrackerBoard } from './tracker-board';
import { firstValueFrom } from 'rxjs';
import { ApplicationsApi } from './applications-api';
import { CATCH_UP_MS, TrackerPage } from './tracker-page';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const application = (id: string, status: string, extra: object = {}) => ({
  id,
  company: `Company ${id}`,
  role: `Role ${id}`,
  status,
  postingUrl: null,
  postingId: null,
  draftId: null,
  notes: '',
  appliedOn: null,
  followUpDueAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: `2026-01-0${id.length}T00:00:00Z`,
  ...extra,
});

describe('TrackerPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let saved: { name: string; text: string; type?: string }[];

  beforeEach(async () => {
    saved = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'tracker', component: TrackerPage }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: CATCH_UP_MS, useValue: 0 },
        {
          provide: SAVE_FILE,
          useValue: (name: string, text: string, type?: string) => saved.push({ name, text, type }),
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const listRequest = (): TestRequest =>
    http.expectOne((r) => r.url === '/api/applications' && r.method === 'GET');
  const button = (name: RegExp) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      name.test(b.textContent ?? ''),
    )!;
  const column = (status: string) =>
    Array.from(root().querySelectorAll(`ul[data-status="${status}"] li.card .role`)).map((a) =>
      a.textContent?.trim(),
    );
  async function open(
    url = '/tracker',
    items: object[] = [
      application('a1', 'saved'),
      application('a2', 'applied', { appliedOn: '2026-01-05' }),
      application('a3', 'ghosted'),
    ],
  ) {
    await harness.navigateByUrl(url);
    TestBed.tick();
    const request = listRequest();
    expect(request.request.params.get('pageSize')).toBe('500');
    request.flush({ items, total: items.length, page: 1, pageSize: 500 });
    await settle();
  }

  it('shows a column per status with its cards (an unknown status only in the table)', async () => {
    await open();
    const headings = Array.from(root().querySelectorAll('app-tracker-board h2')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toEqual([
      'Saved (1)',
      'Applied (1)',
      'Interview (0)',
      'Offer (0)',
      'Rejected (0)',
      'Withdrawn (0)',
    ]);
    expect(column('saved')).toEqual(['Role a1']);
    expect(column('applied')).toEqual(['Role a2']);
    expect(root().querySelector('ul[data-status="applied"]')?.textContent).toContain(
      'Applied Jan 5, 2026',
    );
    expect(root().querySelector('ul[data-status="saved"] a')?.getAttribute('href')).toBe(
      '/tracker/a1',
    );
  });

  it('moves a card through its menu (keyboard path): at once on the board, then PATCH', async () => {
    await open();
    root()
      .querySelector<HTMLButtonElement>(
        'button[aria-label="Move Role a1 at Company a1 to another status"]',
      )!
      .click();
    await settle();
    const items = Array.from(
      document.querySelectorAll<HTMLButtonElement>('.mat-mdc-menu-panel button'),
    );
    expect(items.map((b) => b.textContent?.trim())).toEqual([
      'Move to Applied',
      'Move to Interview',
      'Move to Offer',
      'Move to Rejected',
      'Move to Withdrawn',
    ]);
    items.find((b) => b.textContent?.includes('Interview'))!.click();
    await settle();
    expect(column('interview')).toEqual(['Role a1']);
    expect(column('saved')).toEqual([]);
    const patch = http.expectOne('/api/applications/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ status: 'interview' });
    patch.flush({ position: 7 });
    await settle();
    expect(root().querySelector('p[role="status"]')?.textContent).toContain(
      'Moved Role a1 at Company a1 to Interview.',
    );
  });

  it('moves a dropped card and puts it back when the server refuses', async () => {
    await open();
    const board = harness.routeDebugElement!.query(
      (d) => d.componentInstance instanceof TrackerBoard,
    ).componentInstance as TrackerBoard;
    const a1 = readApplication(application('a1', 'saved'))!;
    const drop = (to: ApplicationStatus) =>
      ({ container: { data: to }, item: { data: a1 } }) as unknown as CdkDragDrop<
        ApplicationStatus,
        ApplicationStatus,
        Application
      >;
    board.dropped(drop('saved'));
    await settle();
    http.expectNone('/api/applications/a1');

    board.dropped(drop('offer'));
    await settle();
    expect(column('offer')).toEqual(['Role a1']);
    http.expectOne('/api/applications/a1').flush(
      {
        error: { code: 'APPLICATION_NOT_FOUND', message: 'No such application.' },
        requestId: 'r3',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(column('offer')).toEqual([]);
    expect(column('saved')).toEqual(['Role a1']);
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('could not be moved');
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('r3');
  });

  it('shows a sortable table with ?view=table', async () => {
    await open('/tracker?view=table');
    const rows = () =>
      Array.from(root().querySelectorAll('tr.mat-mdc-row')).map((r) =>
        r.querySelector('td')?.textContent?.trim(),
      );
    expect(rows()).toEqual(['Role a1', 'Role a2', 'Role a3']);
    expect(root().querySelector('tr.mat-mdc-row')?.textContent).toContain('Saved');
    // Status header: pipeline order, the unknown status last.
    Array.from(root().querySelectorAll<HTMLElement>('th'))
      .find((th) => th.textContent?.includes('Status'))!
      .querySelector<HTMLElement>('.mat-sort-header-container')!
      .click();
    await settle();
    expect(rows()).toEqual(['Role a1', 'Role a2', 'Role a3']);
    Array.from(root().querySelectorAll<HTMLElement>('th'))
      .find((th) => th.textContent?.includes('Applied'))!
      .querySelector<HTMLElement>('.mat-sort-header-container')!
      .click();
    await settle();
    expect(rows()[0]).toBe('Role a2');

    button(/Board/).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/tracker');
  });

  it('exports the CSV as a download', async () => {
    await open();
    button(/export csv/i).click();
    await settle();
    http.expectOne('/api/applications/export.csv').flush('company,role\r\nAcme,Dev\r\n');
    await settle();
    expect(saved).toEqual([
      { name: 'applications.csv', text: 'company,role\r\nAcme,Dev\r\n', type: 'text/csv' },
    ]);
  });

  it('imports a CSV and lists the rows it skipped, then reads until the new rows are there', async () => {
    await open();
    const input = root().querySelector<HTMLInputElement>('#csv-file')!;
    const file = new File(['company,role,status\nAcme,Dev,applied\nX,Y,sideways\n'], 'apps.csv', {
      type: 'text/csv',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    const post = http.expectOne('/api/applications/import');
    expect(post.request.body).toEqual({
      csv: 'company,role,status\nAcme,Dev,applied\nX,Y,sideways\n',
    });
    post.flush({
      imported: 1,
      ids: ['n1'],
      errors: [
        {
          row: 3,
          problems: ['status: one of saved, applied, interview, offer, rejected, withdrawn'],
        },
      ],
    });
    await settle();
    expect(root().querySelector('.import-report h2')?.textContent).toContain(
      '1 imported, 1 skipped',
    );
    expect(root().querySelector('.row-errors')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Row 3: status: one of saved',
    );
    // The read model has not caught up yet: read again.
    listRequest().flush({ items: [application('a1', 'saved')], total: 1 });
    await settle();
    expect(column('applied')).toEqual(['Role a2']);
    listRequest().flush({
      items: [application('n1', 'applied'), application('a1', 'saved')],
      total: 2,
    });
    await settle();
    expect(column('applied')).toEqual(['Role n1']);
    http.expectNone((r) => r.url === '/api/applications');
  });

  it('opened right after an application was created here, reads again until it is listed', async () => {
    const api = TestBed.inject(ApplicationsApi);
    const created = firstValueFrom(api.create({ company: 'Initech', role: 'Nurse' }));
    http
      .expectOne('/api/applications')
      .flush({ id: 'new1' }, { status: 201, statusText: 'Created' });
    await created;
    await open();
    listRequest().flush({ items: [application('a1', 'saved')], total: 1 });
    await settle();
    listRequest().flush({
      items: [application('new1', 'saved'), application('a1', 'saved')],
      total: 2,
    });
    await settle();
    expect(column('saved')).toEqual(['Role new1', 'Role a1']);
    http.expectNone((r) => r.url === '/api/applications');
  });

  it('refuses an empty or oversized file in the browser', async () => {
    await open();
    const input = root().querySelector<HTMLInputElement>('#csv-file')!;
    Object.defineProperty(input, 'files', {
      value: [new File([], 'empty.csv')],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('empty.csv is empty');
    Object.defineProperty(input, 'files', {
      value: [new File(['x'.repeat(1_000_001)], 'big.csv')],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('larger than 1 MB');
    http.expectNone('/api/applications/import');
  });

  it('adds an application by hand and shows it at once', async () => {
    await open('/tracker', []);
    expect(root().textContent).toContain('No applications yet');
    const type = (name: string, value: string) => {
      const field = root().querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    type('company', 'Globex');
    type('role', 'Data Analyst');
    await settle();
    button(/add application/i).click();
    await settle();
    const post = http.expectOne('/api/applications');
    expect(post.request.body).toEqual({ company: 'Globex', role: 'Data Analyst', status: 'saved' });
    post.flush({ id: 'g1', position: 2 }, { status: 201, statusText: 'Created' });
    await settle();
    expect(column('saved')).toEqual(['Data Analyst']);
  });
});
