import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ExportTemplate } from '../../core/api/exports-api';
import { PreviewResume } from './letter-and-preview-api';

/**
 * The final résumé laid out like the chosen template (name alignment, accent, rules, type sizes):
 * an on-screen likeness, not the file. Everything is bound as text (interpolation), never as HTML,
 * so whatever a résumé holds stays words on the page and the API's CSP needs nothing extra.
 */
@Component({
  selector: 'app-resume-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="page"
      [class]="template()"
      role="document"
      [attr.aria-label]="'Preview, ' + template() + ' template'"
    >
      @if (resume().name; as name) {
        <p class="name">{{ name }}</p>
      }
      @if (resume().contactLine.length) {
        <p class="contact">{{ resume().contactLine.join(' | ') }}</p>
      }
      @if (resume().links.length) {
        <p class="contact">{{ resume().links.join(' | ') }}</p>
      }
      @for (section of resume().sections; track $index) {
        <section>
          <h4 class="heading">{{ section.heading }}</h4>
          @switch (section.body.kind) {
            @case ('entries') {
              @for (entry of entriesOf(section.body); track $index) {
                <p class="entry">
                  <strong>{{ entry.heading }}</strong>
                  @if (entry.dates) {
                    <span> | {{ entry.dates }}</span>
                  }
                </p>
                @if (entry.bullets.length) {
                  <ul>
                    @for (bullet of entry.bullets; track $index) {
                      <li>{{ bullet }}</li>
                    }
                  </ul>
                }
              }
            }
            @case ('list') {
              <p>{{ itemsOf(section.body).join(', ') }}</p>
            }
            @default {
              @for (line of linesOf(section.body); track $index) {
                <p>{{ line }}</p>
              }
            }
          }
        </section>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .page {
      --accent: #000;
      --body: 10.5pt;
      --name: 20pt;
      --heading: 11.5pt;
      --gap: 12pt;
      box-sizing: border-box;
      max-width: 595px;
      min-height: 320px;
      max-height: 640px;
      overflow: auto;
      margin: 0 auto;
      padding: 40px 44px;
      background: #fff;
      color: #000;
      font-family: 'Liberation Sans', Arial, Helvetica, sans-serif;
      font-size: var(--body);
      line-height: 1.3;
      box-shadow: 0 1px 4px rgb(0 0 0 / 25%);
      overflow-wrap: anywhere;
    }
    .page.modern {
      --accent: #1f4e79;
      --name: 24pt;
      --heading: 12pt;
      --gap: 14pt;
      padding: 36px 38px;
    }
    .page.compact {
      --body: 9.5pt;
      --name: 17pt;
      --heading: 10.5pt;
      --gap: 8pt;
      padding: 28px 30px;
      line-height: 1.2;
    }
    p {
      margin: 0;
    }
    .name {
      font-size: var(--name);
      font-weight: 700;
      color: var(--accent);
    }
    .classic .name,
    .classic .contact {
      text-align: center;
    }
    .heading {
      margin: var(--gap) 0 2pt;
      font-size: var(--heading);
      font-weight: 700;
      color: var(--accent);
    }
    .classic .heading,
    .compact .heading {
      border-bottom: 0.6pt solid var(--accent);
    }
    .entry {
      margin-top: 4pt;
    }
    ul {
      margin: 0;
      padding-left: 14pt;
    }
  `,
})
export class ResumePreview {
  readonly resume = input.required<PreviewResume>();
  readonly template = input<ExportTemplate>('classic');

  entriesOf(body: PreviewResume['sections'][number]['body']) {
    return body.kind === 'entries' ? body.entries : [];
  }
  itemsOf(body: PreviewResume['sections'][number]['body']) {
    return body.kind === 'list' ? body.items : [];
  }
  linesOf(body: PreviewResume['sections'][number]['body']) {
    return body.kind === 'lines' ? body.lines : [];
  }
}
