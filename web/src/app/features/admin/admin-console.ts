import { ChangeDetectionStrategy, Component } from '@angular/core';
@Component({ selector: 'app-admin-console', changeDetection: ChangeDetectionStrategy.OnPush, template: `<h1>Admin</h1>` })
export class AdminConsole {}
