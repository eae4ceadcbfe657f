using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// A between-session diary entry: an interaction with people in the inventory, what happened, the
/// emotions felt and the mood (seed 001: a diary of interpersonal events, emotions and patterns).
/// Free-text fields are patient data.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record InterpersonalEvent
{
    /// <summary>The lowest mood rating.</summary>
    public const int MoodMin = 0;

    /// <summary>The highest mood rating.</summary>
    public const int MoodMax = 10;

    /// <summary>Gets the date of the interaction.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the people involved, by inventory id.</summary>
    public ValueList<PersonId> Persons { get; init; }

    /// <summary>Gets what happened (free text).</summary>
    public string? WhatHappened { get; init => field = Guard.Text(value, nameof(WhatHappened)); }

    /// <summary>Gets the emotions felt.</summary>
    public ValueList<Emotion> Emotions { get; init => field = Guard.AllDefined(value, nameof(Emotions)); }

    /// <summary>Gets the mood after the interaction, from 0 (lowest) to 10 (best).</summary>
    public int? Mood { get; init => field = Guard.InRange(value, MoodMin, MoodMax, nameof(Mood)); }

    /// <summary>Gets a pattern the patient noticed (free text).</summary>
    public string? Pattern { get; init => field = Guard.Text(value, nameof(Pattern)); }

    /// <summary>Describes the entry without its text.</summary>
    /// <returns>A string such as <c>Diary entry 2026-12-09 (2 persons)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Diary entry {Date:uuuu-MM-dd} ({Persons.Count} persons)");
}
