using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// Measurements taken outside the treatment sessions: at intake or screening, before the first
/// group session, or at follow-up (for example 3, 6 and 12 months after the end). A baseline may
/// come from an intake or pre-treatment assessment. [NHSTT, DENNIS] (H)
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Assessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="occasion">When, relative to the course, it was taken.</param>
    /// <param name="date">The date.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public Assessment(AssessmentOccasion occasion, LocalDate date)
    {
        Occasion = occasion;
        Date = date;
    }

    /// <summary>Creates an assessment; <see cref="Occasion"/> and <see cref="Date"/> must be set.</summary>
    public Assessment()
    {
    }

    /// <summary>Gets when, relative to the course, the measurements were taken.</summary>
    public required AssessmentOccasion Occasion { get; init => field = Guard.Defined(value, nameof(Occasion)); }

    /// <summary>Gets the date of the measurements.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the measurements.</summary>
    public ValueList<Measurement> Measures { get; init; }

    /// <summary>Gets a value indicating whether the assessment was taken before treatment (intake, screening or pre-treatment), so that a baseline may come from it. [NHSTT] (H)</summary>
    public bool IsBeforeTreatment => Occasion is AssessmentOccasion.Intake or AssessmentOccasion.Screening or AssessmentOccasion.PreTreatment;

    /// <summary>Returns the first measurement of an instrument, when taken.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The measurement, or <see langword="null"/>.</returns>
    public Measurement? MeasureOf(InstrumentId instrument) => Measurement.FirstOf(Measures, instrument);

    /// <summary>Returns a copy with a measurement added.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>The new assessment.</returns>
    public Assessment PlusMeasure(Measurement measurement) => this with { Measures = Measures.Add(measurement) };

    /// <summary>Describes the assessment.</summary>
    /// <returns>A string such as <c>Intake assessment 2026-01-02 (2 measures)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Occasion} assessment {Date:uuuu-MM-dd} ({Measures.Count} measures)");
}
