/// The HTML elements clean treats differently; everything else is ``other`` (inline) or ``block``.
enum Tag: UInt8, Sendable {
    case text, other, block, skipped
    case html, head, body, title, meta, link, script, style
    case article, main, section, div, p, br, hr, h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, blockquote, pre, code, table, thead, tbody, tfoot, tr, td, th, caption
    case figure, figcaption, img, a, span, time, address, form, nav, aside, footer, header, textarea
    case b, strong, i, em, font, center, sup, sub, small, picture, source, details, summary, dialog
    /// What a browser without scripts shows; kept as a container (libxml2 lets an unclosed `<div>` in it swallow the page).
    case noscript

    static let names: [String: Tag] = {
        var table: [String: Tag] = [
            "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link,
            "script": .script, "style": .style, "article": .article, "main": .main, "section": .section,
            "div": .div, "p": .p, "br": .br, "hr": .hr, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5,
            "h6": .h6, "ul": .ul, "ol": .ol, "li": .li, "dl": .dl, "dt": .dt, "dd": .dd, "blockquote": .blockquote,
            "pre": .pre, "code": .code, "table": .table, "thead": .thead, "tbody": .tbody, "tfoot": .tfoot,
            "tr": .tr, "td": .td, "th": .th, "caption": .caption, "figure": .figure, "figcaption": .figcaption,
            "img": .img, "a": .a, "span": .span, "time": .time, "address": .address, "form": .form, "nav": .nav,
            "aside": .aside, "footer": .footer, "header": .header, "textarea": .textarea, "b": .b,
            "strong": .strong, "i": .i, "em": .em, "font": .font, "center": .center, "sup": .sup, "sub": .sub,
            "small": .small, "picture": .picture, "source": .source, "details": .details, "summary": .summary,
            "dialog": .dialog, "noscript": .noscript,
        ]
        for name in [
            "template", "svg", "canvas", "iframe", "object", "embed", "select", "option", "button",
            "input", "frameset", "frame", "applet", "audio", "video", "map", "area", "annotation", "annotation-xml", "menu", "label",
            "nobr", "marquee", "rt", "rp", "rtc", "fieldset", "legend", "datalist", "output", "progress", "meter", "slot",
        ] {
            table[name] = .skipped
        }
        for name in ["hgroup", "fieldset", "option", "listing", "xmp", "plaintext", "search", "address"]
        where table[name] == nil {
            table[name] = .block
        }
        return table
    }()

    static func of(_ name: String) -> Tag { names[name] ?? .other }

    /// Elements whose text is data, not prose.
    var holdsData: Bool { self == .script || self == .style || self == .title || self == .textarea }

    /// Elements that start a new block of text.
    var isBlock: Bool {
        switch self {
        case .block, .article, .main, .section, .div, .p, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl,
            .dt, .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .caption, .figure, .figcaption,
            .address, .form, .nav, .aside, .footer, .header, .center, .details, .summary, .dialog, .body, .html:
            return true
        default:
            return false
        }
    }

    var isHeading: Bool { self == .h1 || self == .h2 || self == .h3 || self == .h4 || self == .h5 || self == .h6 }

    var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }
}
