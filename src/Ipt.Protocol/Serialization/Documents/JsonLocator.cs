using System.Text;
using System.Text.Json;

namespace Ipt.Protocol.Serialization.Documents;

/// <summary>
/// Finds where JSON paths are in a document: the 1-based line and 0-based byte position of a
/// member's name, or of an array item or the root value. Run only when there are errors, so the
/// happy path of reading pays nothing for it.
/// </summary>
internal static class JsonLocator
{
    public static Dictionary<string, (long Line, long Position)> Locate(ReadOnlySpan<byte> json, IReadOnlyCollection<string> paths, int maxDepth)
    {
        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var found = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var frame = stack.Peek();
                    var sb = new StringBuilder(frame.Path);
                    JsonPath.AppendName(sb, reader.GetString()!);
                    pendingProperty = sb.ToString();
                    Record(json, wanted, found, pendingProperty, reader.TokenStartIndex);
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                string path;
                if (pendingProperty is not null)
                {
                    path = pendingProperty;
                    pendingProperty = null;
                }
                else if (stack.Count > 0 && stack.Peek() is { IsArray: true } array)
                {
                    path = $"{array.Path}[{array.NextIndex++}]";
                    Record(json, wanted, found, path, reader.TokenStartIndex);
                }
                else
                {
                    path = "$";
                    Record(json, wanted, found, path, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // A malformed document: keep what was found before the break.
        }

        return found;
    }

    public static (long Line, long Position) LineAndPosition(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)Math.Min(offset, json.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline - 1);
    }

    private static void Record(ReadOnlySpan<byte> json, HashSet<string> wanted, Dictionary<string, (long, long)> found, string path, long offset)
    {
        if (wanted.Contains(path))
        {
            found.TryAdd(path, LineAndPosition(json, offset));
        }
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
