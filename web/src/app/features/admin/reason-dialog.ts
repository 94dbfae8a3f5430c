import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

export interface ReasonDialogData {
  title: string;
  message: string;
  confirm: string;
}

/** Asks why (3–200 characters, as the API requires); closes with the reason, or nothing. */
@Component({
  selector: 'app-reason-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (submit)="submit($event)">
      <mat-dialog-content>
        <p class="message">{{ data.message }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            name="reason"
            rows="3"
            maxlength="200"
            required
            cdkFocusInitial
            [value]="reason()"
            (input)="reason.set($any($event.target).value)"
          ></textarea>
          <mat-hint>Recorded with the change (3–200 characters).</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="!valid()">{{ data.confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      margin: 0 0 12px;
      overflow-wrap: anywhere;
    }
    .reason {
      width: 100%;
    }
  `,
})
export class ReasonDialog {
  readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);
  readonly reason = signal('');
  readonly valid = () => this.reason().trim().length >= 3;

  submit(event: Event): void {
    event.preventDefault();
    if (this.valid()) this.ref.close(this.reason().trim());
  }
}
