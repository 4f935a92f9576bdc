import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DashboardChart, formatCount } from './command-dashboard.model';

/** Fills that meet 3:1 against white (WCAG 1.4.11), told apart by the legend and the value text too. */
const FILLS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92'];

/**
 * A horizontal bar chart drawn as SVG, readable at 375px: each category's name is page text above
 * its bars, each bar is labelled with its value (and series), and the chart as a whole is one
 * image with an accessible name summarising every value. The same numbers follow in a visible
 * table. No charting library: see docs/reports.md, "Dashboard".
 */
@Component({
  selector: 'cop-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .cop-chart {
      margin: 0 0 20px;
    }
    .cop-chart__bars {
      margin: 0 0 15px;
      padding: 0;
      list-style: none;
    }
    .cop-chart__row {
      margin-bottom: 10px;
    }
    .cop-chart__bar {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .cop-chart__bar svg {
      flex: 1 1 auto;
      height: 18px;
      min-width: 0;
    }
    .cop-chart__value {
      flex: 0 0 auto;
      min-width: 4.5em;
      font-variant-numeric: tabular-nums;
    }
    .cop-chart__legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 10px;
      padding: 0;
      list-style: none;
    }
    .cop-chart__key {
      display: inline-block;
      width: 14px;
      height: 14px;
      margin-right: 6px;
      vertical-align: -2px;
    }
  `,
  template: `
    <figure class="cop-chart" [attr.data-chart-id]="id()">
      <figcaption class="govuk-heading-s govuk-!-margin-bottom-2" [id]="id() + '-title'">
        {{ chart().title }}
      </figcaption>
      @if (rows().length === 0) {
        <p class="govuk-body">Nothing recorded.</p>
      } @else {
        @if (chart().series.length > 1) {
          <ul class="cop-chart__legend govuk-body-s" aria-hidden="true">
            @for (s of chart().series; track s.name; let i = $index) {
              <li>
                <svg class="cop-chart__key" viewBox="0 0 10 10" focusable="false">
                  <rect width="10" height="10" [attr.fill]="fill(i)" />
                </svg>
                {{ s.name }}
              </li>
            }
          </ul>
        }
        <div role="img" [attr.aria-label]="summary()" data-testid="chart-image">
          <ul class="cop-chart__bars" aria-hidden="true">
            @for (row of rows(); track row.label) {
              <li class="cop-chart__row">
                <span class="govuk-body-s govuk-!-margin-bottom-1 cop-chart__label">{{ row.label }}</span>
                @for (bar of row.bars; track bar.series; let i = $index) {
                  <span class="cop-chart__bar">
                    <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                      <rect x="0" y="0" height="10" [attr.width]="bar.width" [attr.fill]="fill(i)" />
                    </svg>
                    <span class="govuk-body-s govuk-!-margin-bottom-0 cop-chart__value"
                      >{{ bar.text }}{{ chart().series.length > 1 ? ' ' + bar.series.toLowerCase() : '' }}</span
                    >
                  </span>
                }
              </li>
            }
          </ul>
        </div>
        <div class="cop-table-scroll">
          <table class="govuk-table govuk-!-margin-bottom-0" data-testid="chart-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
              Data for the chart:
              {{
                chart().title
              }}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{{ chart().xLabel }}</th>
                @for (s of chart().series; track s.name) {
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">{{ s.name }}</th>
                }
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              @for (row of rows(); track row.label) {
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">{{ row.label }}</th>
                  @for (bar of row.bars; track bar.series) {
                    <td class="govuk-table__cell govuk-table__cell--numeric">{{ bar.text }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </figure>
  `,
})
export class BarChart {
  readonly chart = input.required<DashboardChart>();
  /** Unique on the page: ids of the caption. */
  readonly id = input.required<string>();

  /** One row per category (in the first series' order), a bar per series, widths against the largest value. */
  readonly rows = computed(() => {
    const chart = this.chart();
    const labels = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.label)))];
    const max = Math.max(1, ...chart.series.flatMap((s) => s.points.map((p) => p.value)));
    return labels.map((label) => ({
      label,
      bars: chart.series.map((s) => {
        const value = s.points.find((p) => p.label === label)?.value ?? 0;
        return { series: s.name, text: formatCount(value), width: Math.max(value > 0 ? 0.5 : 0, (value / max) * 100) };
      }),
    }));
  });

  /** The chart in words, as its image's accessible name. */
  readonly summary = computed(() => {
    const chart = this.chart();
    const several = chart.series.length > 1;
    const parts = this.rows().map(
      (row) =>
        `${row.label}: ${row.bars.map((b) => (several ? `${b.text} ${b.series.toLowerCase()}` : b.text)).join(', ')}`,
    );
    return `Bar chart, ${chart.title}. ${parts.join('; ')}.`;
  });

  fill(index: number): string {
    return FILLS[index % FILLS.length]!;
  }
}
