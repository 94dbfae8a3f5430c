import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

interface Step {
  icon: string;
  title: string;
  text: string;
}

interface Feature {
  icon: string;
  title: string;
  text: string;
}

/** The public front page: what the product does and where to start. */
@Component({
  selector: 'app-landing',
  imports: [RouterLink, MatAnchor, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './landing.html',
  styleUrl: './landing.scss',
})
export class Landing {
  readonly steps: readonly Step[] = [
    {
      icon: 'upload_file',
      title: 'Upload',
      text: 'Add your résumé as PDF, DOCX, TXT or Markdown, and paste the job description you are aiming for.',
    },
    {
      icon: 'compare_arrows',
      title: 'Match',
      text: 'See how well you fit the role, which requirements you already cover and what an applicant tracking system may trip over.',
    },
    {
      icon: 'auto_fix_high',
      title: 'Polish',
      text: 'Accept stronger bullets, add a cover letter and download a clean résumé ready to send.',
    },
  ];

  readonly features: readonly Feature[] = [
    {
      icon: 'speed',
      title: 'Match score, explained',
      text: 'One number for how well your résumé fits the job, with the reasons behind it: the skills and requirements you meet, and the ones you don’t show yet.',
    },
    {
      icon: 'fact_check',
      title: 'ATS check',
      text: 'Warnings about layouts and formatting that applicant tracking systems often misread, such as tables, columns and text in headers, so nothing important gets lost.',
    },
    {
      icon: 'edit_note',
      title: 'Bullet rewrites that stick to the facts',
      text: 'Clearer, stronger wording for the bullets you already have. Rewrites never invent employers, titles, numbers or achievements.',
    },
    {
      icon: 'download',
      title: 'PDF and DOCX export',
      text: 'A polished résumé and cover letter as a PDF to send, or as a Word document to keep editing.',
    },
    {
      icon: 'view_kanban',
      title: 'Application tracker',
      text: 'Keep every application in one list: the role, where it stands, and which version of your résumé you sent.',
    },
  ];
}
