using System.Text;
using System.Text.Json;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>
/// Finds where paths are in a document in one pass, and turns byte offsets into 1-based lines and
/// columns. The wanted paths are kept as a tree of segments: the walk descends only into values on
/// a wanted path and skips the rest, so the work is linear in the document whatever the paths.
/// </summary>
internal static class Locator
{
    /// <summary>Returns the offset of each path: of a member's name, of an array item's or the root's value; a path not in the document gets its closest enclosing one.</summary>
    public static Dictionary<DocumentPath, long> Offsets(ReadOnlySpan<byte> json, IEnumerable<DocumentPath> paths, bool allowComments)
    {
        var root = new Node();
        var wanted = new List<(DocumentPath Path, Node Node)>();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var segment in path.Segments.AsSpan())
            {
                node = node.Child(segment);
            }

            wanted.Add((path, node));
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = 1024,
            CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        });
        try
        {
            if (reader.Read())
            {
                root.Offset = reader.TokenStartIndex;
                Visit(ref reader, root);
            }
        }
        catch (JsonException)
        {
            // Malformed (or deeper than any document may be): keep what was found before the break.
        }

        var result = new Dictionary<DocumentPath, long>();
        foreach (var (path, node) in wanted)
        {
            for (var n = node; n is not null; n = n.Parent)
            {
                if (n.Offset >= 0)
                {
                    result[path] = n.Offset;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Returns the line and column (1-based, in UTF-16 characters) of each offset, in one pass over the text.</summary>
    public static Dictionary<long, DocumentLocation> Locations(ReadOnlySpan<byte> json, IEnumerable<long> offsets)
    {
        var sorted = offsets.Where(o => o >= 0).Distinct().Order().ToList();
        var result = new Dictionary<long, DocumentLocation>(sorted.Count);
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        var column = 1;
        foreach (var offset in sorted)
        {
            var at = (int)Math.Min(offset, json.Length);
            var newline = json[scanned..at].LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                line += json[scanned..at].Count((byte)'\n');
                lineStart = scanned + newline + 1;
                scanned = lineStart;
                column = 1;
            }

            column += Encoding.UTF8.GetCharCount(json[scanned..at]);
            scanned = at;
            result[offset] = new DocumentLocation(line, column);
        }

        return result;
    }

    private static void Visit(ref Utf8JsonReader reader, Node node)
    {
        if (reader.TokenType == JsonTokenType.StartObject && node.Names is { } names)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var at = reader.TokenStartIndex;
                var name = ReadContext.DecodeName(ref reader);
                reader.Read();
                if (names.TryGetValue(name, out var child))
                {
                    if (child.Offset < 0)
                    {
                        child.Offset = at;
                    }

                    Visit(ref reader, child);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray && node.Items is { } items)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (items.TryGetValue(index++, out var child))
                {
                    child.Offset = reader.TokenStartIndex;
                    Visit(ref reader, child);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }
    }

    private sealed class Node
    {
        public Node? Parent { get; private init; }

        public long Offset { get; set; } = -1;

        public Dictionary<string, Node>? Names { get; private set; }

        public Dictionary<int, Node>? Items { get; private set; }

        public Node Child(PathSegment segment)
        {
            if (segment.IsIndex)
            {
                Items ??= [];
                if (!Items.TryGetValue(segment.Index, out var item))
                {
                    Items[segment.Index] = item = new Node { Parent = this };
                }

                return item;
            }

            Names ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!Names.TryGetValue(segment.Property!, out var child))
            {
                Names[segment.Property!] = child = new Node { Parent = this };
            }

            return child;
        }
    }
}
