import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { AtsFinding, Severity, SEVERITIES } from '../../core/api/analysis';

const groupInfo: Readonly<Record<Severity, { title: string; icon: string }>> = {
  critical: { title: 'Fix these first', icon: 'error' },
  warning: { title: 'Worth fixing', icon: 'warning' },
  info: { title: 'Good to know', icon: 'info' },
};

/** ATS findings grouped by severity, each with its evidence from the résumé. */
@Component({
  selector: 'app-ats-panel',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.severity) {
      <section
        class="group"
        [class]="group.severity"
        [attr.aria-labelledby]="'ats-' + group.severity"
      >
        <h3 [id]="'ats-' + group.severity">
          <mat-icon aria-hidden="true">{{ group.icon }}</mat-icon>
          {{ group.title }} <span class="count">({{ group.items.length }})</span>
        </h3>
        <ul>
          @for (finding of group.items; track $index) {
            <li>
              <p class="message">{{ finding.message }}</p>
              @if (finding.evidence.length) {
                <ul class="evidence" aria-label="Evidence">
                  @for (evidence of finding.evidence.slice(0, 5); track $index) {
                    <li>
                      <q>{{ evidence.text }}</q>
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ul>
      </section>
    } @empty {
      <p class="clean">
        <mat-icon aria-hidden="true">verified</mat-icon>
        No ATS problems found: applicant tracking systems should read this résumé cleanly.
      </p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .critical h3 mat-icon {
      color: var(--mat-sys-error);
    }
    .warning h3 mat-icon {
      color: #a15c00;
    }
    .info h3 mat-icon {
      color: var(--mat-sys-primary);
    }
    .count {
      font-weight: 400;
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    li + li {
      margin-top: 8px;
    }
    .message {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .evidence {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .evidence li + li {
      margin-top: 2px;
    }
    .clean {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
    }
    .clean mat-icon {
      color: var(--app-success);
    }
  `,
})
export class AtsPanel {
  readonly findings = input<readonly AtsFinding[]>([]);
  readonly groups = computed(() =>
    SEVERITIES.map((severity) => ({
      severity,
      ...groupInfo[severity],
      items: this.findings().filter((finding) => finding.severity === severity),
    })).filter((group) => group.items.length > 0),
  );
}
