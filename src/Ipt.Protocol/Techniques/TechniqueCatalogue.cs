using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Ipt.Protocol.Techniques;

/// <summary>
/// An immutable set of technique entries looked up by id. Built-in entries and contributor
/// catalogues compose into one catalogue (see the technique catalogue documentation).
/// </summary>
/// <remarks>Immutable and thread-safe. Enumeration is in id order, so output is deterministic.</remarks>
[SuppressMessage("Naming", "CA1710", Justification = "A catalogue is the domain name for this lookup.")]
public sealed class TechniqueCatalogue : IReadOnlyCollection<TechniqueEntry>, IEquatable<TechniqueCatalogue>
{
    private readonly ImmutableArray<TechniqueEntry> ordered;
    // Keyed by the id text with the ordinal comparer: the frozen dictionary then picks its fastest
    // string lookup. The rules look up every recorded technique, so this is on the validation hot path.
    private readonly FrozenDictionary<string, TechniqueEntry> byId;

    private TechniqueCatalogue(ImmutableArray<TechniqueEntry> ordered)
    {
        this.ordered = ordered;
        byId = ordered.ToFrozenDictionary(e => e.Id.Value, StringComparer.Ordinal);
    }

    /// <summary>Gets an empty catalogue.</summary>
    public static TechniqueCatalogue Empty { get; } = new([]);

    /// <summary>
    /// Gets the built-in catalogue: every entry of <see cref="BuiltInTechniques.All"/>, looked up by id.
    /// (The library's naming: <c>BuiltIn</c> is the registry or catalogue of built-ins, <c>Default</c> a
    /// service or options set up with them, <c>All</c> a list.)
    /// </summary>
    public static TechniqueCatalogue BuiltIn { get; } = Create(BuiltInTechniques.All);

    /// <inheritdoc/>
    public int Count => ordered.Length;

    /// <summary>Returns whether two technique catalogues are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold equal entries in the same order.</returns>
    public static bool operator ==(TechniqueCatalogue? left, TechniqueCatalogue? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two technique catalogues differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when they are not equal.</returns>
    public static bool operator !=(TechniqueCatalogue? left, TechniqueCatalogue? right) => !(left == right);

    /// <summary>Returns whether another technique catalogue holds equal entries in the same order (value equality, like every model type).</summary>
    /// <param name="other">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(TechniqueCatalogue? other) =>
        other is not null && (ReferenceEquals(this, other) || new ValueList<TechniqueEntry>(ordered).Equals(new ValueList<TechniqueEntry>(other.ordered)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TechniqueCatalogue);

    /// <inheritdoc/>
    public override int GetHashCode() => new ValueList<TechniqueEntry>(ordered).GetHashCode();

    /// <summary>Describes the technique catalogue by its size.</summary>
    /// <returns>A string such as <c>Technique catalogue (11 entries)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Technique catalogue ({Count} entries)");

    /// <summary>Creates a catalogue from entries.</summary>
    /// <param name="entries">The entries; ids must be unique.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentException">An id repeats.</exception>
    public static TechniqueCatalogue Create(IEnumerable<TechniqueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var seen = new HashSet<TechniqueId>();
        foreach (var entry in list)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (!seen.Add(entry.Id))
            {
                throw new ArgumentException($"Technique id '{entry.Id}' appears more than once.", nameof(entries));
            }
        }

        list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return new([.. list]);
    }

    /// <summary>Returns a catalogue with a new entry added (in id order), as <see cref="Protocols.ProtocolRegistry.Add"/> does for protocols.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new catalogue.</returns>
    /// <exception cref="ArgumentException">An entry with the id is already in the catalogue.</exception>
    public TechniqueCatalogue Add(TechniqueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Contains(entry.Id))
        {
            throw new ArgumentException($"Technique id '{entry.Id}' is already in the catalogue; use SetItem to replace it.", nameof(entry));
        }

        return new(ordered.Insert(InsertionPoint(entry.Id), entry));
    }

    /// <summary>Returns a catalogue in which the entry replaces the one with the same id, or is added (in id order).</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new catalogue.</returns>
    public TechniqueCatalogue SetItem(TechniqueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = InsertionPoint(entry.Id);
        return at < ordered.Length && ordered[at].Id == entry.Id ? new(ordered.SetItem(at, entry)) : new(ordered.Insert(at, entry));
    }

    /// <summary>Looks up an entry by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(TechniqueId id, [NotNullWhen(true)] out TechniqueEntry? entry) => byId.TryGetValue(id.Value, out entry);

    /// <summary>Gets the entry with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">No entry has the id.</exception>
    public TechniqueEntry this[TechniqueId id] =>
        TryGet(id, out var entry) ? entry : throw new KeyNotFoundException($"No technique has id '{id}'.");

    /// <summary>Returns whether an entry has the id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(TechniqueId id) => byId.ContainsKey(id.Value);

    /// <summary>Returns an enumerator over the entries in id order.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<TechniqueEntry>.Enumerator GetEnumerator() => ordered.GetEnumerator();

    IEnumerator<TechniqueEntry> IEnumerable<TechniqueEntry>.GetEnumerator() => ((IEnumerable<TechniqueEntry>)ordered).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((System.Collections.IEnumerable)ordered).GetEnumerator();

    /// <summary>The index of the first entry whose id is not below <paramref name="id"/> (the catalogue is in id order).</summary>
    private int InsertionPoint(TechniqueId id)
    {
        var low = 0;
        var high = ordered.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ordered[middle].Id.CompareTo(id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
