using System.Globalization;
using System.Text;

namespace Ipt.Protocol.Rendering;

/// <summary>Writes SVG text: escaped attributes and text, invariant numbers. Internal to the renderers.</summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder sb = new();

    public SvgBuilder(double width, double height, string title, string cssClass)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
    }

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An estimate of the width of a line of sans-serif text, generous enough for layout.</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.6;

    /// <summary>
    /// Escapes text for XML 1.0 (SVG and XHTML): markup characters as entities, and every character
    /// XML does not allow (control characters but tab and line feed, U+FFFE, U+FFFF, a lone
    /// surrogate) as U+FFFD, the replacement character, so the text stays visible as changed, never
    /// silently shortened, and the document stays well formed.
    /// </summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }

            if (char.IsSurrogate(c) || c is '\ufffe' or '\uffff')
            {
                result.Append('\ufffd');
                continue;
            }

            switch (c)
            {
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '&': result.Append("&amp;"); break;
                case '"': result.Append("&quot;"); break;
                case '\'': result.Append("&#39;"); break;
                default:
                    // Control characters are not allowed in XML 1.0 text (C1 ones are discouraged).
                    result.Append(!char.IsControl(c) || c is '\n' or '\t' ? c : '\ufffd');
                    break;
            }
        }

        return result.ToString();
    }

    public SvgBuilder Raw(string text)
    {
        sb.Append(text);
        return this;
    }

    public SvgBuilder Element(string name, string attributes, string? text = null)
    {
        sb.Append('<').Append(name);
        if (attributes.Length > 0)
        {
            sb.Append(' ').Append(attributes);
        }

        if (text is null)
        {
            sb.Append("/>\n");
        }
        else
        {
            sb.Append('>').Append(Escape(text)).Append("</").Append(name).Append(">\n");
        }

        return this;
    }

    public string Finish() => sb.Append("</svg>\n").ToString();
}
