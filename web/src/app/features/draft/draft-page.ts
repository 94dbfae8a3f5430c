import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'app-draft-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="page"><h1>Draft</h1><p>{{ id() }}</p></div>`,
})
export class DraftPage {
  readonly id = input.required<string>();
}
