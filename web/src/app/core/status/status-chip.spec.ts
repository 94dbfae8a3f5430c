import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../api/api-error.interceptor';
import { StatusChip } from './status-chip';

describe('StatusChip', () => {
  let fixture: ComponentFixture<StatusChip>;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [StatusChip],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StatusChip);
    TestBed.tick();
  });

  afterEach(() => httpTesting.verify());

  function text(): string {
    return (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  it('says it is checking while /readyz has not answered', () => {
    fixture.detectChanges();
    expect(text()).toContain('Checking service status');
    httpTesting.expectOne('/readyz').flush({ status: 'ready', checks: {} });
  });

  it('shows "All systems normal" when every check is up', async () => {
    httpTesting.expectOne('/readyz').flush({ status: 'ready', checks: { postgres: { status: 'up', ms: 3 } } });
    await fixture.whenStable();

    expect(text()).toContain('All systems normal');
  });

  it('names the failing checks from a 503 NOT_READY envelope', async () => {
    httpTesting.expectOne('/readyz').flush(
      {
        error: {
          code: 'NOT_READY',
          message: 'A service the product depends on is not available.',
          details: { checks: { temporal: { status: 'down' }, postgres: { status: 'up', ms: 2 }, eventstore: { status: 'timeout' } } },
        },
        requestId: 'r-1',
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await fixture.whenStable();

    expect(text()).toContain('Degraded: eventstore, temporal');
    expect(text()).not.toContain('postgres');
  });

  it('says the status is unavailable when the server cannot be reached', async () => {
    httpTesting.expectOne('/readyz').error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(text()).toContain('Service status unavailable');
    expect(text()).not.toContain('All systems normal');
  });
});
