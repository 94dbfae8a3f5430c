import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  provideHttpClient,
  withInterceptors,
  withNoXsrfProtection,
  withXhr,
} from '@angular/common/http';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { MatIconRegistry } from '@angular/material/icon';
import { routes } from './app.routes';
import { apiErrorInterceptor } from './core/api/api-error.interceptor';
import { csrfInterceptor } from './core/api/csrf.interceptor';
import { sessionRefreshInterceptor } from './core/api/session-refresh.interceptor';
import { PageTitleStrategy } from './core/page-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    provideHttpClient(
      // XHR, not fetch: the résumé upload shows real upload progress, which fetch cannot report.
      withXhr(),
      // The API's own signed double-submit token replaces Angular's cookie-reading XSRF support.
      // An expired session is refreshed once and the request retried (with a fresh CSRF header).
      withInterceptors([apiErrorInterceptor, sessionRefreshInterceptor, csrfInterceptor]),
      withNoXsrfProtection(),
    ),
    provideAppInitializer(() => {
      // Icons come from the self-hosted Material Symbols font (@fontsource), never a CDN.
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined', 'mat-ligature-font');
    }),
  ],
};
