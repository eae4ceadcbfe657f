using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ipt.Protocol.Serialization.Documents;

/// <summary>
/// A JSON path built lazily as a chain of segments, so that the happy path of reading allocates
/// no path strings. Formats like System.Text.Json: <c>$.sessions[0].number</c>.
/// </summary>
internal sealed class JsonPath
{
    public static readonly JsonPath Root = new(null, null, -1);

    private static readonly SearchValues<char> Special = SearchValues.Create("$.'[]() \t\r\n");

    private readonly JsonPath? parent;
    private readonly string? name;
    private readonly int index;

    private JsonPath(JsonPath? parent, string? name, int index)
    {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    public JsonPath Property(string propertyName) => new(this, propertyName, -1);

    public JsonPath Item(int itemIndex) => new(this, null, itemIndex);

    public string Format(string? lastProperty = null)
    {
        var sb = new StringBuilder();
        Append(sb);
        if (lastProperty is not null)
        {
            AppendName(sb, lastProperty);
        }

        return sb.ToString();
    }

    public override string ToString() => Format();

    internal static void AppendName(StringBuilder sb, string propertyName)
    {
        if (propertyName.AsSpan().IndexOfAny(Special) >= 0 || propertyName.Length == 0)
        {
            sb.Append("['").Append(propertyName.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
        else
        {
            sb.Append('.').Append(propertyName);
        }
    }

    private void Append(StringBuilder sb)
    {
        if (parent is null)
        {
            sb.Append('$');
            return;
        }

        parent.Append(sb);
        if (name is not null)
        {
            AppendName(sb, name);
        }
        else
        {
            sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
