using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Ipt.Protocol;

/// <summary>
/// An immutable set of instruments looked up by id: the built-in ones (<see cref="BuiltIn"/>) plus
/// any a host registers. The rule engine reports a measurement of an instrument that is not in its
/// registry (IPT0706), and only known instruments count as a baseline.
/// </summary>
/// <remarks>Immutable and thread-safe. Enumeration is in registration order; lookups allocate nothing.</remarks>
[SuppressMessage("Naming", "CA1710", Justification = "A registry is the domain name for this lookup.")]
public sealed class InstrumentRegistry : IReadOnlyCollection<Instrument>, IEquatable<InstrumentRegistry>
{
    private readonly ImmutableArray<Instrument> ordered;

    private InstrumentRegistry(ImmutableArray<Instrument> ordered) => this.ordered = ordered;

    /// <summary>Gets a registry of the built-in instruments (<see cref="BuiltInInstruments.All"/>).</summary>
    public static InstrumentRegistry BuiltIn { get; } = new([.. BuiltInInstruments.All]);

    /// <summary>Gets an empty registry.</summary>
    public static InstrumentRegistry Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => ordered.Length;

    /// <summary>Returns whether two instrument registrys are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold equal instruments in the same order.</returns>
    public static bool operator ==(InstrumentRegistry? left, InstrumentRegistry? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two instrument registrys differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when they are not equal.</returns>
    public static bool operator !=(InstrumentRegistry? left, InstrumentRegistry? right) => !(left == right);

    /// <summary>Returns whether another instrument registry holds equal instruments in the same order (value equality, like every model type).</summary>
    /// <param name="other">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(InstrumentRegistry? other) =>
        other is not null && (ReferenceEquals(this, other) || new ValueList<Instrument>(ordered).Equals(new ValueList<Instrument>(other.ordered)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InstrumentRegistry);

    /// <inheritdoc/>
    public override int GetHashCode() => new ValueList<Instrument>(ordered).GetHashCode();

    /// <summary>Describes the instrument registry by its size.</summary>
    /// <returns>A string such as <c>Instrument registry (11 instruments)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Instrument registry ({Count} instruments)");

    /// <summary>Looks up an instrument by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="instrument">The instrument, when found.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool TryGet(InstrumentId id, [NotNullWhen(true)] out Instrument? instrument)
    {
        // A linear search over a handful of instruments: no hashing, no allocation.
        foreach (var candidate in ordered.AsSpan())
        {
            if (candidate.Id == id)
            {
                instrument = candidate;
                return true;
            }
        }

        instrument = null;
        return false;
    }

    /// <summary>Gets the instrument with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The instrument.</returns>
    /// <exception cref="KeyNotFoundException">No instrument has the id.</exception>
    public Instrument this[InstrumentId id] =>
        TryGet(id, out var instrument) ? instrument : throw new KeyNotFoundException($"No instrument has id '{id}'.");

    /// <summary>Returns whether an instrument has the id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(InstrumentId id) => TryGet(id, out _);

    /// <summary>Returns a registry with a new instrument added.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">The id is already registered.</exception>
    public InstrumentRegistry Add(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (Contains(instrument.Id))
        {
            throw new ArgumentException($"An instrument with id '{instrument.Id}' is already registered; use SetItem to replace it.", nameof(instrument));
        }

        return new(ordered.Add(instrument));
    }

    /// <summary>Returns a registry in which the instrument replaces the one with the same id, or is added.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The new registry.</returns>
    public InstrumentRegistry SetItem(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Id == instrument.Id)
            {
                return new(ordered.SetItem(i, instrument));
            }
        }

        return new(ordered.Add(instrument));
    }

    /// <summary>Returns an enumerator over the instruments in registration order.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<Instrument>.Enumerator GetEnumerator() => ordered.GetEnumerator();

    IEnumerator<Instrument> IEnumerable<Instrument>.GetEnumerator() => ((IEnumerable<Instrument>)ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)ordered).GetEnumerator();
}
