using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// An immutable set of protocol definitions looked up by id. <see cref="BuiltIn"/> holds the eleven
/// built-in variants; hosts derive a registry with their own variants with <see cref="Add"/> or
/// <see cref="SetItem"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Enumeration is in registration order.</remarks>
[SuppressMessage("Naming", "CA1710", Justification = "A registry is the domain name for this lookup.")]
public sealed class ProtocolRegistry : IReadOnlyCollection<ProtocolDefinition>, IEquatable<ProtocolRegistry>
{
    private readonly ImmutableArray<ProtocolDefinition> ordered;
    private readonly ImmutableDictionary<ProtocolId, ProtocolDefinition> byId;

    private ProtocolRegistry(ImmutableArray<ProtocolDefinition> ordered)
    {
        this.ordered = ordered;
        byId = ordered.ToImmutableDictionary(p => p.Id);
    }

    /// <summary>Gets a registry of the built-in variants.</summary>
    public static ProtocolRegistry BuiltIn { get; } = new([.. BuiltInProtocols.All]);

    /// <summary>Gets an empty registry.</summary>
    public static ProtocolRegistry Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => ordered.Length;

    /// <summary>Returns whether two protocol registrys are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold equal definitions in the same order.</returns>
    public static bool operator ==(ProtocolRegistry? left, ProtocolRegistry? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two protocol registrys differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when they are not equal.</returns>
    public static bool operator !=(ProtocolRegistry? left, ProtocolRegistry? right) => !(left == right);

    /// <summary>Returns whether another protocol registry holds equal definitions in the same order (value equality, like every model type).</summary>
    /// <param name="other">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ProtocolRegistry? other) =>
        other is not null && (ReferenceEquals(this, other) || new ValueList<ProtocolDefinition>(ordered).Equals(new ValueList<ProtocolDefinition>(other.ordered)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ProtocolRegistry);

    /// <inheritdoc/>
    public override int GetHashCode() => new ValueList<ProtocolDefinition>(ordered).GetHashCode();

    /// <summary>Describes the protocol registry by its size.</summary>
    /// <returns>A string such as <c>Protocol registry (11 variants)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Protocol registry ({Count} variants)");

    /// <summary>Gets the definition with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="KeyNotFoundException">No definition has the id.</exception>
    public ProtocolDefinition this[ProtocolId id] =>
        byId.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"No protocol has id '{id}'.");

    /// <summary>Looks up a definition by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="definition">The definition, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(ProtocolId id, [NotNullWhen(true)] out ProtocolDefinition? definition) => byId.TryGetValue(id, out definition);

    /// <summary>Returns whether a definition has the id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(ProtocolId id) => byId.ContainsKey(id);

    /// <summary>Returns a registry with a new definition added.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">The id is already registered, or the definition is inconsistent (see <see cref="ProtocolDefinition.Check"/>).</exception>
    public ProtocolRegistry Add(ProtocolDefinition definition)
    {
        EnsureUsable(definition);
        if (byId.ContainsKey(definition.Id))
        {
            throw new ArgumentException($"A protocol with id '{definition.Id}' is already registered; use SetItem to replace it.", nameof(definition));
        }

        return new(ordered.Add(definition));
    }

    /// <summary>Returns a registry in which the definition replaces the one with the same id, or is added.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The new registry.</returns>
    /// <exception cref="ArgumentException">The definition is inconsistent (see <see cref="ProtocolDefinition.Check"/>).</exception>
    public ProtocolRegistry SetItem(ProtocolDefinition definition)
    {
        EnsureUsable(definition);
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Id == definition.Id)
            {
                return new(ordered.SetItem(i, definition));
            }
        }

        return new(ordered.Add(definition));
    }

    /// <summary>Returns an enumerator over the definitions in registration order.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<ProtocolDefinition>.Enumerator GetEnumerator() => ordered.GetEnumerator();

    IEnumerator<ProtocolDefinition> IEnumerable<ProtocolDefinition>.GetEnumerator() => ((IEnumerable<ProtocolDefinition>)ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)ordered).GetEnumerator();

    private static void EnsureUsable(ProtocolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = definition.Check();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Protocol '{definition.Id}' is inconsistent: {string.Join(" ", problems)}", nameof(definition));
        }
    }
}
