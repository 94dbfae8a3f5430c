import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { JobView } from '../../core/api/jobs';
import { explainFailure, jobSummary, StepDisplay, stepViews } from './job-explanations';

const icons: Readonly<Record<StepDisplay, string>> = {
  pending: 'radio_button_unchecked',
  running: '',
  done: 'check_circle',
  free: 'redeem',
  failed: 'error',
  skipped: 'block',
};

/** The pipeline's steps (Pay → Read résumé → Analyze) with each one's state, and why it failed. */
@Component({
  selector: 'app-pipeline-stepper',
  imports: [MatIcon, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="summary" role="status" aria-live="polite">{{ summary() }}</p>
    <ol class="steps" aria-label="Analysis steps">
      @for (step of steps(); track step.key) {
        <li
          class="step"
          [class]="step.display"
          [attr.aria-current]="step.display === 'running' ? 'step' : null"
        >
          <span class="marker" aria-hidden="true">
            @if (step.display === 'running') {
              <mat-progress-spinner mode="indeterminate" diameter="22" strokeWidth="3" />
            } @else {
              <mat-icon>{{ icons[step.display] }}</mat-icon>
            }
          </span>
          <span class="label">{{ step.label }}</span>
          <span class="state">{{ step.status }}</span>
        </li>
      }
    </ol>
    @if (failure(); as explained) {
      <div class="failure" role="alert">
        <mat-icon aria-hidden="true">report</mat-icon>
        <div>
          <p class="failure-title">{{ explained.title }}</p>
          <p>{{ explained.text }}</p>
          @if (job().errorCode; as code) {
            <p class="code">Code: {{ code }}</p>
          }
        </div>
      </div>
    }
  `,
  styleUrl: './pipeline-stepper.scss',
})
export class PipelineStepper {
  readonly job = input.required<JobView>();
  readonly icons = icons;
  readonly steps = computed(() => stepViews(this.job()));
  readonly summary = computed(() => jobSummary(this.job()));
  readonly failure = computed(() => {
    const job = this.job();
    if (job.status !== 'failed') return null;
    const failedStep = this.steps().find((step) => step.display === 'failed');
    return explainFailure(job.errorCode ?? failedStep?.errorCode);
  });
}
