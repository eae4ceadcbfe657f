using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// A dated life event (a death, a birth, a separation, a move, a job loss, an illness), so that the
/// onset of symptoms can be related to the interpersonal context and "near onset" is computable.
/// [WMK, MARK] (H) The people involved are inventory ids; the notes are free text (patient data).
/// </summary>
/// <remarks>
/// <para>The death of a person of the inventory is recorded here, naming the person; the person is
/// also marked <see cref="InventoryPerson.Deceased"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record LifeEvent
{
    /// <summary>Creates a life event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="date">When it happened.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public LifeEvent(LifeEventKind kind, LocalDate date)
    {
        Kind = kind;
        Date = date;
    }

    /// <summary>Creates a life event; <see cref="Kind"/> and <see cref="Date"/> must be set.</summary>
    public LifeEvent()
    {
    }

    /// <summary>Gets what happened.</summary>
    public required LifeEventKind Kind { get; init => field = Guard.Defined(value, nameof(Kind)); }

    /// <summary>Gets when it happened.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the people of the inventory the event concerns, by id.</summary>
    public ValueList<PersonId> Persons { get; init; }

    /// <summary>Gets notes on the event (free text; patient data).</summary>
    public string? Notes { get; init => field = Guard.Text(value, nameof(Notes)); }

    /// <summary>Describes the event without its notes.</summary>
    /// <returns>A string such as <c>Death on 2025-10-01 (1 person)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} on {Date:uuuu-MM-dd} ({Persons.Count} persons)");
}
