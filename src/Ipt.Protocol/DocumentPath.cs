using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ipt.Protocol;

/// <summary>One step of a <see cref="DocumentPath"/>: a property name (in the JSON document's camelCase) or a 0-based index.</summary>
public readonly record struct PathSegment
{
    private PathSegment(string? property, int index)
    {
        Property = property;
        Index = index;
    }

    /// <summary>Gets the property name, or <see langword="null"/> for an index step.</summary>
    public string? Property { get; }

    /// <summary>Gets the 0-based index (meaningful when <see cref="IsIndex"/>).</summary>
    public int Index { get; }

    /// <summary>Gets a value indicating whether the step is an index.</summary>
    public bool IsIndex => Property is null;

    /// <summary>Creates a property step.</summary>
    /// <param name="name">The property name as the document spells it (the format's names are camelCase; an unknown member may have any name, even an empty one).</param>
    /// <returns>The step.</returns>
    public static PathSegment Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(name, 0);
    }

    internal static PathSegment NamedUnchecked(string name) => new(name, 0);

    internal static PathSegment AtUnchecked(int index) => new(null, index);

    /// <summary>Creates an index step.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The step.</returns>
    public static PathSegment At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(null, index);
    }

    /// <summary>Describes the step as it appears in a path.</summary>
    /// <returns><c>.name</c>, <c>['odd name']</c> or <c>[index]</c>.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    internal void AppendTo(StringBuilder builder)
    {
        if (Property is null)
        {
            builder.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else if (Property.Length == 0 || Property.AsSpan().IndexOfAnyExcept(PlainName) >= 0 || char.IsAsciiDigit(Property[0]))
        {
            // Bracket notation, as System.Text.Json writes names that are not plain identifiers. A
            // backslash and a quote are escaped with a backslash; control characters (and U+FFFE,
            // U+FFFF) as \uXXXX, so a path printed to a terminal or a log cannot carry escape sequences.
            builder.Append("['");
            foreach (var c in Property)
            {
                if (c is '\\' or '\'')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\ufffe' or '\uffff')
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append("']");
        }
        else
        {
            builder.Append('.').Append(Property);
        }
    }

    private static readonly SearchValues<char> PlainName = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
}

/// <summary>
/// Where in a document a read error or a finding applies, as structured segments and as a
/// JSONPath-style string in the document's own names: <c>$.sessions[3].techniques[0]</c>, the syntax
/// of System.Text.Json and of ASP.NET Core's model-state keys. The root (the whole document) has no
/// segments and prints as <c>$</c>. Read errors, rule diagnostics and catalogue errors all use it.
/// </summary>
/// <remarks>Immutable and thread-safe; equality compares the segments.</remarks>
public sealed record DocumentPath : IComparable<DocumentPath>
{
    // Order of the course document's root properties, for a reading-order sort of findings (a test holds it to the course shape).
    internal static readonly string[] RootOrder =
        ["schemaVersion", "protocol", "lifecycle", "patientAge", "setting", "therapist", "group", "onset", "contract", "renegotiations", "formulation", "sickRole", "inventory", "lifeEvents", "assessments", "sessions", "supervision", "goals", "diary"];

    private DocumentPath(ValueList<PathSegment> segments) => Segments = segments;

    /// <summary>Gets the root path: the whole course.</summary>
    public static DocumentPath Root { get; } = new(ValueList<PathSegment>.Empty);

    /// <summary>Gets the segments from the root.</summary>
    public ValueList<PathSegment> Segments { get; }

    /// <summary>Gets a value indicating whether the path is the root.</summary>
    public bool IsRoot => Segments.IsEmpty;

    /// <summary>Creates a path of one root property, such as <c>$.contract</c>.</summary>
    /// <param name="name">The camelCase property name.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Of(string name) => Root.Property(name);

    /// <summary>Creates the path of a session: <c>$.sessions[index]</c>.</summary>
    /// <param name="index">The session's position in the course's list.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Session(int index) => Of("sessions").At(index);

    /// <summary>Creates the path of a focus area of the formulation: <c>$.formulation.areas[index]</c>.</summary>
    /// <param name="index">The area's position in <see cref="Ipt.Protocol.Formulation.Areas"/>.</param>
    /// <returns>The path.</returns>
    public static DocumentPath FocusArea(int index) => Of("formulation").Property("areas").At(index);

    /// <summary>Creates the path of a person of the interpersonal inventory: <c>$.inventory.persons[index]</c>.</summary>
    /// <param name="index">The person's position in <see cref="InterpersonalInventory.Persons"/>.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Person(int index) => Of("inventory").Property("persons").At(index);

    /// <summary>Creates the path of a life event: <c>$.lifeEvents[index]</c>.</summary>
    /// <param name="index">The event's position in <see cref="Ipt.Protocol.Course.LifeEvents"/>.</param>
    /// <returns>The path.</returns>
    public static DocumentPath LifeEvent(int index) => Of("lifeEvents").At(index);

    /// <summary>Creates the path of an assessment outside the sessions: <c>$.assessments[index]</c>.</summary>
    /// <param name="index">The assessment's position in <see cref="Ipt.Protocol.Course.Assessments"/>.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Assessment(int index) => Of("assessments").At(index);

    /// <summary>Creates the path of a goal: <c>$.goals[index]</c>.</summary>
    /// <param name="index">The goal's position in <see cref="Ipt.Protocol.Course.Goals"/>.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Goal(int index) => Of("goals").At(index);

    /// <summary>Returns the path of a measurement of this session or assessment: <c>….measures[index]</c>, as in <c>DocumentPath.Session(2).Measure(0)</c>.</summary>
    /// <param name="index">The measurement's position in the session's or the assessment's measures.</param>
    /// <returns>The new path.</returns>
    public DocumentPath Measure(int index) => Property("measures").At(index);

    /// <summary>Returns the path of a recorded technique of this session: <c>….techniques[index]</c>, as in <c>DocumentPath.Session(2).Technique(1)</c>.</summary>
    /// <param name="index">The technique's position in <see cref="Ipt.Protocol.Session.Techniques"/>.</param>
    /// <returns>The new path.</returns>
    public DocumentPath Technique(int index) => Property("techniques").At(index);

    /// <summary>Returns the path of a recorded task of this session: <c>….tasks[index]</c>, as in <c>DocumentPath.Session(0).Task(0)</c>.</summary>
    /// <param name="index">The task's position in <see cref="Ipt.Protocol.Session.Tasks"/>.</param>
    /// <returns>The new path.</returns>
    public DocumentPath Task(int index) => Property("tasks").At(index);

    /// <summary>Returns the path extended by a property.</summary>
    /// <param name="name">The camelCase property name.</param>
    /// <returns>The new path.</returns>
    public DocumentPath Property(string name) => new(Segments.Add(PathSegment.Named(name)));

    /// <summary>Returns the path extended by an index.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The new path.</returns>
    public DocumentPath At(int index) => new(Segments.Add(PathSegment.At(index)));

    /// <summary>Compares paths in reading order of the document: root properties in document order, indexes by number, a parent before its children.</summary>
    /// <param name="other">The other path.</param>
    /// <returns>The ordering.</returns>
    public int CompareTo(DocumentPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        var a = Segments.AsSpan();
        var b = other.Segments.AsSpan();
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(a[i], b[i], i == 0);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first.</returns>
    public static bool operator <(DocumentPath? left, DocumentPath? right) => Compare(left, right) < 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first or equal.</returns>
    public static bool operator <=(DocumentPath? left, DocumentPath? right) => Compare(left, right) <= 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after.</returns>
    public static bool operator >(DocumentPath? left, DocumentPath? right) => Compare(left, right) > 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after or equal.</returns>
    public static bool operator >=(DocumentPath? left, DocumentPath? right) => Compare(left, right) >= 0;

    /// <summary>Prints the path in the JSON document's names, such as <c>$.sessions[3].techniques[0]</c>.</summary>
    /// <returns>The path; <c>$</c> for the root.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder("$");
        foreach (var segment in Segments)
        {
            segment.AppendTo(builder);
        }

        return builder.ToString();
    }

    /// <summary>Creates a path from its segments.</summary>
    /// <param name="segments">The segments from the root.</param>
    /// <returns>The path.</returns>
    public static DocumentPath From(IEnumerable<PathSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var list = ValueList.From(segments);
        return list.IsEmpty ? Root : new(list);
    }

    /// <summary>Parses a path in the syntax <see cref="ToString"/> writes (<c>$.a[0]['odd name']</c>); for the library's own paths.</summary>
    internal static DocumentPath ParseInternal(string text)
    {
        var segments = new List<PathSegment>();
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                segments.Add(NamedSegment(text[(i + 1)..end]));
                i = end;
            }
            else if (i + 1 < text.Length && text[i] == '[' && text[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                while (j < text.Length && text[j] != '\'')
                {
                    if (text[j] == '\\' && j + 5 < text.Length && text[j + 1] == 'u'
                        && int.TryParse(text.AsSpan(j + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        name.Append((char)code);
                        j += 6;
                        continue;
                    }

                    if (text[j] == '\\' && j + 1 < text.Length)
                    {
                        j++;
                    }

                    name.Append(text[j]);
                    j++;
                }

                segments.Add(NamedSegment(name.ToString()));
                i = Math.Min(text.Length, j + 2);
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                end = end < 0 ? text.Length : end;
                segments.Add(int.TryParse(text.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? PathSegment.AtUnchecked(index) : NamedSegment(text[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                var end = text.IndexOfAny(['.', '['], i);
                end = end < 0 ? text.Length : end;
                segments.Add(NamedSegment(text[i..end]));
                i = end;
            }
        }

        return segments.Count == 0 ? Root : FromArray([.. segments]);

        static PathSegment NamedSegment(string name) => PathSegment.NamedUnchecked(name);
    }

    internal static DocumentPath FromArray(PathSegment[] segments) => new(new ValueList<PathSegment>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(segments)));

    /// <summary>Returns the path without its last segment (the root for a one-segment path and for the root itself).</summary>
    /// <returns>The parent path.</returns>
    public DocumentPath Parent() => Segments.Count <= 1 ? Root : new(ValueList.Create(Segments.AsSpan()[..^1]));

    private static int Compare(DocumentPath? left, DocumentPath? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int Compare(PathSegment x, PathSegment y, bool atRoot)
    {
        if (x.IsIndex != y.IsIndex)
        {
            return x.IsIndex ? -1 : 1;
        }

        if (x.IsIndex)
        {
            return x.Index.CompareTo(y.Index);
        }

        if (atRoot)
        {
            var ix = Array.IndexOf(RootOrder, x.Property);
            var iy = Array.IndexOf(RootOrder, y.Property);
            if (ix != iy)
            {
                return (ix < 0 ? int.MaxValue : ix).CompareTo(iy < 0 ? int.MaxValue : iy);
            }
        }

        return string.CompareOrdinal(x.Property, y.Property);
    }
}
