import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { routes } from './app.routes';
import { apiErrorInterceptor } from './core/api/api-error.interceptor';

describe('App shell', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
  });

  it('has landmarks, the product name, account links and the O*NET attribution', async () => {
    const fixture = TestBed.createComponent(App);
    TestBed.tick();
    TestBed.inject(HttpTestingController)
      .expectOne('/readyz')
      .flush({ status: 'ready', checks: { postgres: { status: 'up', ms: 1 } } });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('header')?.textContent).toContain('Résumé coach');
    expect(root.querySelector('main')).not.toBeNull();
    const links = Array.from(root.querySelectorAll('nav a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Sign in', '/sign-in'],
      ['Register', '/register'],
    ]);
    const footer = root.querySelector('footer')?.textContent?.replace(/\s+/g, ' ');
    expect(footer).toContain('Skills vocabulary: O*NET (CC BY 4.0)');
    expect(footer).toContain('All systems normal');
  });
});
