// Types of what the tests use from screenshot-statistics.mjs.
import type { StatisticsResult } from '../server/src/features/statistics';

export interface OpenedPage {
  page: {
    focus(selector: string): Promise<void>;
    evaluate<R>(expression: string): Promise<R>;
    waitForFunction(expression: string): Promise<unknown>;
    keyboard: { press(key: string): Promise<void> };
    click(selector: string): Promise<void>;
  };
  problems: string[];
  close(): Promise<void>;
}
export interface Focused {
  cls: string | null;
  label: string | null;
  reveal: string | null;
  row: string | null;
}
export interface Posted {
  type: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}
export const CHROMIUM: string;
export const THEMES: Record<'dark' | 'light' | 'high-contrast', { bodyClass: string; vars: Record<string, string> }>;
export function statisticsFor(file: string): StatisticsResult;
export function pageFor(data: StatisticsResult, theme: 'dark' | 'light' | 'high-contrast', fileName: string): string;
export function openPage(html: string, size?: { width?: number; height?: number }): Promise<OpenedPage>;
export function keyboardWalk(page: OpenedPage['page']): Promise<{
  firstTab: Focused;
  secondBar: Focused;
  timeline: Focused;
  nextTurn: Focused;
  rowBelow: Focused;
  posted: Posted[];
  afterClick: Posted;
}>;
