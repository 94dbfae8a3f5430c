import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Posting } from './postings';

/**
 * One posting: title, company, place, posted date, the snippet (hits as <mark>, all of it bound as
 * text, never as HTML), an optional match score, and what a person can do with it.
 */
@Component({
  selector: 'app-posting-card',
  imports: [DatePipe, RouterLink, MatAnchor, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'posting-card' },
  template: `
    @let p = posting();
    <article [attr.aria-labelledby]="headingId()">
      <div class="head">
        <h3 [id]="headingId()">{{ p.title }}</h3>
        @if (p.matchScore !== null) {
          <span
            class="score"
            [class.good]="tone() === 'good'"
            [class.strong]="tone() === 'strong'"
            [attr.aria-label]="'Match score ' + p.matchScore + ' out of 100'"
          >
            {{ p.matchScore }}<span class="of">/100</span>
          </span>
        }
      </div>
      <p class="meta">
        @if (p.company) {
          <span><mat-icon aria-hidden="true">business</mat-icon>{{ p.company }}</span>
        }
        @if (p.location) {
          <span><mat-icon aria-hidden="true">place</mat-icon>{{ p.location }}</span>
        }
        @if (p.remote) {
          <span class="remote"><mat-icon aria-hidden="true">home_work</mat-icon>Remote</span>
        }
        @if (p.postedAt) {
          <span
            ><mat-icon aria-hidden="true">schedule</mat-icon>Posted
            {{ p.postedAt | date: 'mediumDate' }}</span
          >
        }
      </p>
      @if (p.snippet.length) {
        <p class="snippet">
          @for (segment of p.snippet; track $index) {
            @if (segment.hit) {
              <mark>{{ segment.text }}</mark>
            } @else {
              <span>{{ segment.text }}</span>
            }
          }
        </p>
      }
      @if (p.skills.length) {
        <ul class="skills" aria-label="Skills">
          @for (skill of p.skills; track $index) {
            <li>{{ skill }}</li>
          }
        </ul>
      }
      <div class="actions">
        <button mat-flat-button type="button" [disabled]="aiming()" (click)="aim.emit(p)">
          <mat-icon aria-hidden="true">insights</mat-icon>
          Analyze my résumé against this posting
        </button>
        @if (signedIn()) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="tracked() || tracking()"
            (click)="track.emit(p)"
          >
            <mat-icon aria-hidden="true">{{
              tracked() ? 'bookmark_added' : 'bookmark_add'
            }}</mat-icon>
            {{ tracked() ? 'Tracked' : 'Track' }}
          </button>
        } @else {
          <a mat-stroked-button routerLink="/sign-in">
            <mat-icon aria-hidden="true">bookmark_add</mat-icon>
            Sign in to track
          </a>
        }
        @if (p.url) {
          <a mat-button [href]="p.url" target="_blank" rel="noopener noreferrer">
            View posting<span class="visually-hidden"> {{ p.title }} (opens in a new tab)</span>
          </a>
        }
      </div>
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    article {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 12px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .score {
      flex: none;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-title-small);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .score.good {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .score.strong {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .of {
      font: var(--mat-sys-label-small);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 6px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .meta span {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      overflow-wrap: anywhere;
    }
    .meta mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
      flex: none;
    }
    .snippet {
      margin: 10px 0 0;
      font: var(--mat-sys-body-medium);
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    mark {
      padding: 0 2px;
      border-radius: 2px;
      font-weight: 500;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .skills {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 10px 0 0;
      padding: 0;
      list-style: none;
    }
    .skills li {
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 14px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class PostingCard {
  readonly posting = input.required<Posting>();
  readonly signedIn = input(false);
  readonly tracked = input(false);
  readonly tracking = input(false);
  readonly aiming = input(false);
  readonly aim = output<Posting>();
  readonly track = output<Posting>();

  readonly headingId = computed(() => `posting-${this.posting().id}`);
  readonly tone = computed(() => {
    const score = this.posting().matchScore ?? 0;
    return score >= 70 ? 'strong' : score >= 45 ? 'good' : 'fair';
  });
}
