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
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        Walk(json, maxDepth, (path, token, offset) =>
        {
            // A member is located at its name; array items and the root at their value.
            if (wanted.Contains(path))
            {
                offsets.TryAdd(path, offset);
            }
        });
        var found = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var (path, offset) in offsets)
        {
            found[path] = LineAndPosition(json, offset);
        }

        return found;
    }

    /// <summary>Returns the type of the value's first token at a path, when the path is found.</summary>
    public static JsonTokenType? TokenAt(ReadOnlySpan<byte> json, string target, int maxDepth)
    {
        JsonTokenType? result = null;
        Walk(json, maxDepth, (path, token, _) =>
        {
            if (result is null && token != JsonTokenType.PropertyName && path == target)
            {
                result = token;
            }
        });
        return result;
    }

    /// <summary>Returns the path of the last member reached before the document breaks (or ends).</summary>
    public static string LastPath(ReadOnlySpan<byte> json, int maxDepth)
    {
        var last = "$";
        Walk(json, maxDepth, (path, token, _) =>
        {
            if (token == JsonTokenType.PropertyName)
            {
                last = path;
            }
        });
        return last;
    }

    /// <summary>Returns the location of the second member name at a path (a duplicate member), when there is one.</summary>
    public static (long Line, long Position)? Duplicate(ReadOnlySpan<byte> json, string target, int maxDepth)
    {
        var seen = 0;
        long? offset = null;
        Walk(json, maxDepth, (path, token, at) =>
        {
            if (token == JsonTokenType.PropertyName && path == target && ++seen == 2)
            {
                offset = at;
            }
        });
        return offset is { } o ? LineAndPosition(json, o) : null;
    }

    public static (long Line, long Position) LineAndPosition(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)Math.Min(offset, json.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline - 1);
    }

    /// <summary>Calls <paramref name="visit"/> with the path, token type and offset of every member name and value, in document order, until the end or the first malformed token.</summary>
    private static void Walk(ReadOnlySpan<byte> json, int maxDepth, Action<string, JsonTokenType, long> visit)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var sb = new StringBuilder(stack.Peek().Path);
                    JsonPath.AppendName(sb, reader.GetString()!);
                    pendingProperty = sb.ToString();
                    visit(pendingProperty, JsonTokenType.PropertyName, reader.TokenStartIndex);
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
                else if (stack.Count > 0)
                {
                    var array = stack.Peek();
                    path = $"{array.Path}[{array.NextIndex++}]";
                }
                else
                {
                    path = "$";
                }

                visit(path, reader.TokenType, reader.TokenStartIndex);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push(new Frame(path));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A malformed document (or a name that is not valid UTF-8): keep what was visited before the break.
        }
    }

    private sealed class Frame(string path)
    {
        public string Path { get; } = path;

        public int NextIndex { get; set; }
    }
}
