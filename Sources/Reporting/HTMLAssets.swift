/// The stylesheet and script inlined into every HTML report (no external resources).
enum HTMLAssets {
    /// Sorts tables by a header click and adds a filter box above each; without
    /// scripts the tables are complete and readable as they are.
    static let script = """
        document.documentElement.classList.add('js');
        function cellKey(cell) {
          var value = cell.getAttribute('data-value');
          return value !== null ? parseFloat(value) : cell.textContent.trim().toLowerCase();
        }
        function sortTable(table, column, header) {
          var ascending = header.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach(function (th) { th.removeAttribute('aria-sort'); });
          header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellKey(a.cells[column]), y = cellKey(b.cells[column]);
            return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
          });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        document.querySelectorAll('table.data').forEach(function (table) {
          var box = document.createElement('input');
          box.type = 'search';
          box.className = 'filter';
          box.placeholder = 'Filter rows…';
          box.setAttribute('aria-label', 'Filter rows');
          table.parentNode.parentNode.insertBefore(box, table.parentNode);
          box.addEventListener('input', function () {
            var query = box.value.toLowerCase();
            Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
              row.hidden = query !== '' && row.textContent.toLowerCase().indexOf(query) < 0;
            });
          });
          table.querySelectorAll('th').forEach(function (th, column) {
            th.tabIndex = 0;
            th.addEventListener('click', function () { sortTable(table, column, th); });
            th.addEventListener('keydown', function (event) {
              if (event.key === 'Enter') { sortTable(table, column, th); }
            });
          });
        });
        """

    static let style = """
        :root { --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; --accent: #2f6fb0;
          --accent-soft: #e3eef9; --warn: #b4471b; --warn-soft: #fdf0e9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header, main, footer, nav { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
        header { padding-top: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1rem; margin: 0 0 .4rem; }
        .summary { color: var(--muted); margin: 0 0 .5rem; }
        nav { display: flex; flex-wrap: wrap; gap: .3rem .9rem; padding-top: .4rem; padding-bottom: .4rem;
          border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); font-size: .9rem; }
        a { color: var(--accent); }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .55rem; border-bottom: 1px solid var(--line); }
        th { background: var(--soft); font-weight: 600; white-space: nowrap; }
        .js th { cursor: pointer; }
        th[aria-sort=ascending]::after { content: " ▲"; font-size: .7em; }
        th[aria-sort=descending]::after { content: " ▼"; font-size: .7em; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { text-align: right; }
        .label-full { display: none; }
        @media print { .label-short { display: none; } .label-full { display: inline; font-size: 9px; } }
        td.nowrap { white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        tr:target, li:target { background: #fff6c8; }
        .filter { display: block; margin: 0 0 .5rem; padding: .35rem .6rem; width: 100%; max-width: 20rem;
          font: inherit; border: 1px solid var(--line); border-radius: 4px; }
        .quote { color: var(--muted); font-size: .85rem; }
        .cite { display: inline-block; margin: 0 .15rem .1rem 0; padding: 0 .35rem; border-radius: 3px;
          background: var(--accent-soft); color: var(--accent); font-size: .8rem; text-decoration: none; white-space: nowrap; }
        .cite:hover, .cite:focus { background: var(--accent); color: #fff; }
        .flag { display: inline-block; padding: 0 .35rem; border-radius: 3px; background: var(--warn-soft);
          color: var(--warn); font-size: .8rem; text-decoration: none; white-space: nowrap; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
        figure { margin: 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; min-width: 0; }
        figure.wide { grid-column: 1 / -1; }
        figcaption { font-weight: 600; margin-bottom: .4rem; }
        figcaption small { font-weight: 400; color: var(--muted); }
        svg { display: block; width: 100%; height: auto; }
        .chart-timeline svg { min-width: 40rem; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg .tick { fill: var(--muted); }
        svg .bar { fill: var(--accent); }
        svg .bar.converted { fill: #5a9bd5; }
        svg .dot { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
        svg a:hover .bar, svg a:hover .dot { fill: var(--warn); }
        .conflicts { display: grid; gap: 1rem; }
        .conflict { border: 1px solid #efc3ad; background: var(--warn-soft); border-radius: 6px; padding: .75rem; }
        .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; }
        .side { background: #fff; border-radius: 4px; padding: .6rem; }
        .figure { font-size: 1.2rem; font-weight: 650; }
        ol.refs { padding-left: 2.2rem; font-size: .9rem; }
        ol.refs li { margin: .2rem 0; }
        .doc { font-weight: 600; }
        .empty { color: var(--muted); font-style: italic; }
        footer { color: var(--muted); font-size: .8rem; padding-top: 2rem; padding-bottom: 2rem; }
        @media (max-width: 40rem) {
          body { font-size: 14px; }
          header, main, footer, nav { padding-left: .75rem; padding-right: .75rem; }
          th, td { padding: .3rem .4rem; }
          .charts { grid-template-columns: 1fr; }
        }
        @media print {
          body { font-size: 10pt; color: #000; }
          nav, .filter { display: none; }
          a { color: inherit; text-decoration: none; }
          .cite { background: none; color: #000; padding: 0; }
          h2 { break-after: avoid; }
          tr, figure, .conflict, li { break-inside: avoid; }
          .scroll { overflow: visible; }
          .chart-timeline svg { min-width: 0; }
          header, main, footer { max-width: none; padding: 0; }
        }
        """
}
