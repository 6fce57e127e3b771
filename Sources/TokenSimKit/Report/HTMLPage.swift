/// The frame every HTML page of tokensim shares: one self-contained document with its styles
/// inline and no external reference of any kind (no scripts, fonts, images or links off the page).
enum HTMLPage {
  static let style = """
    body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1000px;color:#212121;padding:0 16px}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
    .meta{color:#616161;margin-bottom:14px}
    .badge{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:bold;margin-right:8px}
    .pass{background:#2e7d32}.fail{background:#c62828}.unknown{background:#ef6c00}.skipped{background:#9e9e9e}
    table{border-collapse:collapse;width:100%;font-size:13px}
    th,td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}
    th{background:#f5f5f5}td.num{text-align:right;white-space:nowrap}
    p.account{line-height:1.5;background:#fafafa;border-left:4px solid #90a4ae;padding:8px 12px}
    .chart{overflow-x:auto;border:1px solid #e0e0e0}
    a{color:#1565c0}
    nav.back{margin-bottom:10px}
    .verdict{padding:12px 16px;border-radius:6px;margin:8px 0 6px;border-left:8px solid}
    .verdict.good{background:#e8f5e9;border-color:#2e7d32}.verdict.bad{background:#ffebee;border-color:#c62828}
    .verdict .headline{font-size:19px;font-weight:bold}.verdict .counts{margin-top:4px}
    .unexpected-list{border:3px solid #c62828;border-radius:6px;padding:0 14px;margin:10px 0;background:#fff8f8}
    .legend{font-size:13px;background:#fafafa;border:1px solid #e0e0e0;padding:2px 14px 8px;margin:10px 0}
    .legend h2{margin:10px 0 4px}.legend p{margin:4px 0}
    .legend dl{display:grid;grid-template-columns:repeat(5,max-content 1fr);gap:2px 8px;margin:6px 0 0}
    .legend dt{font-weight:bold}.legend dd{margin:0}
    td.cell{padding:0}a.cell{display:block;padding:4px 8px;color:inherit;text-decoration:none;min-height:100%}
    td.cell-fail{background:#fff3f3}td.cell-unknown{background:#fff8e1}a.cell:hover{background:#e3f2fd}
    td.unexpected{outline:3px solid #c62828;outline-offset:-3px;background:#ffebee}
    .flag{display:inline-block;background:#c62828;color:#fff;font-weight:bold;font-size:11px;padding:1px 5px;border-radius:3px;margin-left:4px}
    details{margin:4px 0}summary{cursor:pointer;padding:3px 0}details.metrics{overflow-x:auto}
    table.metrics th,table.problems th.check{background:#f5f5f5;white-space:nowrap}
    """

  /// A whole page with `title` and `body`.
  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(Markup.escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  /// A verdict badge.
  static func badge(_ verdict: CheckVerdict) -> String {
    "<span class=\"badge \(verdict.rawValue)\">\(ReportText.verdict(verdict))</span>"
  }

  /// A table from a header and rows of already-escaped cells; `numeric` columns align right.
  static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
    let head = "<tr>" + header.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr>"
    let body = rows.map { row in
      "<tr>"
        + row.enumerated().map { numeric.contains($0.offset) ? "<td class=\"num\">\($0.element)</td>" : "<td>\($0.element)</td>" }
        .joined() + "</tr>"
    }
    return "<table>\n" + ([head] + body).joined(separator: "\n") + "\n</table>"
  }
}
