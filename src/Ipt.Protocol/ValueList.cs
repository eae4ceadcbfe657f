using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Ipt.Protocol;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the
/// same order. Every collection in the model is a <see cref="ValueList{T}"/>, so records that hold
/// collections compare by content.
/// </summary>
/// <remarks>
/// <para>The default value is the empty list. Items are never <see langword="null"/>.</para>
/// <para>Thread safety: immutable, safe to share between threads.</para>
/// <para><see cref="ToString"/> prints only the count, never the items, so that a list of free
/// text cannot leak into a log line.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> items;

    internal ValueList(ImmutableArray<T> items) => this.items = items;

    /// <summary>Gets the empty list.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Mirrors ImmutableArray<T>.Empty; the natural spelling for callers.")]
    public static ValueList<T> Empty => default;

    /// <summary>Gets the number of items.</summary>
    public int Count => items.IsDefault ? 0 : items.Length;

    /// <summary>Gets a value indicating whether the list has no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return items[index];
        }
    }

    /// <summary>Returns the items as an <see cref="ImmutableArray{T}"/> (never a default array).</summary>
    /// <returns>The items.</returns>
    public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? [] : items;

    /// <summary>Returns the items as a read-only span, for allocation-free iteration.</summary>
    /// <returns>The items.</returns>
    public ReadOnlySpan<T> AsSpan() => items.IsDefault ? [] : items.AsSpan();

    /// <summary>Returns a new list with <paramref name="item"/> appended.</summary>
    /// <param name="item">The item to append.</param>
    /// <returns>The new list.</returns>
    public ValueList<T> Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(AsImmutableArray().Add(item));
    }

    /// <summary>Returns a new list with <paramref name="item"/> at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index to replace.</param>
    /// <param name="item">The new item.</param>
    /// <returns>The new list.</returns>
    public ValueList<T> SetItem(int index, T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new(items.SetItem(index, item));
    }

    /// <summary>Returns a new list without the item at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index to remove.</param>
    /// <returns>The new list.</returns>
    public ValueList<T> RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new(items.RemoveAt(index));
    }

    /// <summary>Returns whether the list holds an item equal to <paramref name="item"/>.</summary>
    /// <param name="item">The item to look for.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <summary>Returns the index of the first item equal to <paramref name="item"/>, or -1.</summary>
    /// <param name="item">The item to look for.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(T item)
    {
        var span = AsSpan();
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < span.Length; i++)
        {
            if (comparer.Equals(span[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns an allocation-free enumerator.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ValueList<T> other)
    {
        var a = AsSpan();
        var b = other.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the count only, never the items (they may hold patient data).</summary>
    /// <returns>A string such as <c>[3 items]</c>.</returns>
    public override string ToString() => Count == 1 ? "[1 item]" : $"[{Count} items]";

    /// <summary>Compares two lists by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Compares two lists by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>Creates a list from a span (used by collection expressions).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; none may be <see langword="null"/>.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>.</exception>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items)
    {
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException("A list item is null.", nameof(items));
            }
        }

        return new(ImmutableArray.Create(items));
    }

    /// <summary>Creates a list from a sequence.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; none may be <see langword="null"/>.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>.</exception>
    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        // One copy at most (none for an ImmutableArray): the array is never shared with the caller.
        var array = items.ToImmutableArray();
        foreach (var item in array.AsSpan())
        {
            if (item is null)
            {
                throw new ArgumentException("A list item is null.", nameof(items));
            }
        }

        return new(array);
    }
}
