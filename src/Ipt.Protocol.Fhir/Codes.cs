using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;
using NodaTime;
using NodaTime.Text;
using FhirDuration = Hl7.Fhir.Model.Duration;
using NodaDuration = NodaTime.Duration;
using Period = NodaTime.Period;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// The codes the mapping writes and reads: the library's enum code systems (codes are the course
/// document's enum names), the LOINC codes of the instruments (<see cref="IptFhirOptions.Instruments"/>;
/// the built-in ones are verified, docs/fhir.md, with sources), and UCUM
/// durations.
/// </summary>
internal static class Codes
{
    private static readonly Dictionary<Type, string> Systems = new()
    {
        [typeof(Phase)] = IptFhirUris.CodeSystems.Phase,
        [typeof(SessionFormat)] = IptFhirUris.CodeSystems.SessionFormat,
        [typeof(SessionStatus)] = IptFhirUris.CodeSystems.SessionStatus,
        [typeof(SessionTask)] = IptFhirUris.CodeSystems.SessionTask,
        [typeof(ProblemArea)] = IptFhirUris.CodeSystems.ProblemArea,
        [typeof(RoleDisputeStage)] = IptFhirUris.CodeSystems.DisputeStage,
        [typeof(FocusRank)] = IptFhirUris.CodeSystems.FocusRank,
        [typeof(Relationship)] = IptFhirUris.CodeSystems.Relationship,
        [typeof(ContactFrequency)] = IptFhirUris.CodeSystems.ContactFrequency,
        [typeof(SupportKind)] = IptFhirUris.CodeSystems.SupportKind,
        [typeof(CareSetting)] = IptFhirUris.CodeSystems.CareSetting,
        [typeof(Emotion)] = IptFhirUris.CodeSystems.Emotion,
        [typeof(ProtocolRequirement)] = IptFhirUris.CodeSystems.ProtocolRequirement,
        [typeof(EndReason)] = IptFhirUris.CodeSystems.EndReason,
        [typeof(AssessmentOccasion)] = IptFhirUris.CodeSystems.AssessmentOccasion,
        [typeof(LifeEventKind)] = IptFhirUris.CodeSystems.LifeEventKind,
    };

    /// <summary>
    /// The instruments whose items are answered with the LOINC frequency answers (answer list
    /// LL358-3, <see cref="FrequencyAnswers"/>): PHQ-9 and GAD-7. A fact of these instruments, not
    /// inferred from an instrument having LOINC item codes: another instrument's items may have other
    /// answers, so its scores go out as integers.
    /// </summary>
    private static readonly FrozenSet<InstrumentId> FrequencyAnswered = [BuiltInInstruments.Phq9.Id, BuiltInInstruments.Gad7.Id];

    /// <summary>
    /// The verified displays of the LOINC totals the built-in instruments carry (docs/fhir.md, with
    /// sources). Another LOINC code goes out without a display: none is invented.
    /// </summary>
    private static readonly FrozenDictionary<string, string> LoincDisplays = new Dictionary<string, string>
    {
        ["44261-6"] = "Patient health questionnaire 9 item total score",
        ["70274-6"] = "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The LOINC answers of PHQ-9 and GAD-7 items (answer list LL358-3), by score 0 to 3.</summary>
    internal static readonly (string Code, string Display)[] FrequencyAnswers =
        [("LA6568-5", "Not at all"), ("LA6569-3", "Several days"), ("LA6570-1", "More than half the days"), ("LA6571-9", "Nearly every day")];

    /// <summary>Returns the system of an enum's code system.</summary>
    public static string SystemOf<T>()
        where T : struct, Enum => Systems[typeof(T)];

    /// <summary>The code of an enum value: its name in the course document (camelCase).</summary>
    public static string CodeOf<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A coding of an enum value in the library's code system.</summary>
    public static Coding Of<T>(T value)
        where T : struct, Enum => new(SystemOf<T>(), CodeOf(value));

    /// <summary>Reads an enum value from a coding of the library's code system.</summary>
    public static bool TryRead<T>(Coding? coding, out T value)
        where T : struct, Enum
    {
        value = default;
        return coding is not null && coding.System == SystemOf<T>() && TryParse(coding.Code, out value);
    }

    /// <summary>Reads an enum value from the first coding of the library's system in a concept.</summary>
    public static bool TryRead<T>(CodeableConcept? concept, out T value)
        where T : struct, Enum
    {
        value = default;
        var system = SystemOf<T>();
        var coding = concept?.Coding.FirstOrDefault(c => c.System == system);
        return coding is not null && TryParse(coding.Code, out value);
    }

    /// <summary>Parses a document enum name.</summary>
    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(CodeOf(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The LOINC code of an instrument's item (<see cref="Instrument.LoincItems"/>), when the instrument has one for each of the <paramref name="count"/> items.</summary>
    public static string? LoincItem(Instrument? instrument, int index, int count) =>
        instrument is { LoincItems: var items } && items.Count == count ? items[index] : null;

    /// <summary>
    /// The LOINC code of an instrument's score (<see cref="Instrument.LoincTotal"/>), with its verified
    /// display when one is known; only for a score made as the instrument makes it (a total of a summed
    /// instrument, a mean of a mean-scored one): another kind of score is not what the code names.
    /// </summary>
    public static Coding? LoincTotal(Instrument? instrument, bool mean) =>
        instrument?.LoincTotal is { } code && mean == (instrument.Scoring == ScoreKind.Mean)
            ? new Coding(IptFhirUris.Loinc, code, LoincDisplays.GetValueOrDefault(code))
            : null;

    /// <summary>Whether the instrument's items are answered with the LOINC frequency answers (PHQ-9, GAD-7; see <see cref="FrequencyAnswered"/>).</summary>
    public static bool HasLoincAnswers(InstrumentId instrument) => FrequencyAnswered.Contains(instrument);

    /// <summary>A duration as UCUM minutes when whole, otherwise seconds (exact to the nanosecond).</summary>
    public static FhirDuration ToFhir(NodaDuration duration)
    {
        var nanoseconds = duration.ToInt64Nanoseconds();
        return nanoseconds % 60_000_000_000L == 0
            ? Ucum(nanoseconds / 60_000_000_000L, "min")
            : Ucum(nanoseconds / 1_000_000_000m, "s");
    }

    /// <summary>Reads a UCUM duration (ms, s, min, h) as an exact duration.</summary>
    public static bool TryRead(Quantity? quantity, out NodaDuration duration)
    {
        duration = default;
        if (quantity?.Value is not { } value || (quantity.System is not null && quantity.System != IptFhirUris.Ucum))
        {
            return false;
        }

        decimal? perUnit = (quantity.Code ?? quantity.Unit) switch
        {
            "ms" => 1_000_000m,
            "s" => 1_000_000_000m,
            "min" => 60_000_000_000m,
            "h" => 3_600_000_000_000m,
            _ => null,
        };
        if (perUnit is not { } factor || value <= 0 || value > 86_400m * 1_000_000_000m / factor)
        {
            return false;
        }

        var nanoseconds = value * factor;
        if (nanoseconds != decimal.Truncate(nanoseconds))
        {
            return false;
        }

        duration = NodaDuration.FromNanoseconds((long)nanoseconds);
        return true;
    }

    /// <summary>
    /// A period: a UCUM duration in its one unit (a, mo, wk, d) when it has a single calendar unit,
    /// otherwise its NodaTime round-trip text (such as <c>P1M2D</c>).
    /// </summary>
    public static DataType ToFhir(Period period)
    {
        if (!period.HasTimeComponent)
        {
            var units = (period.Years != 0 ? 1 : 0) + (period.Months != 0 ? 1 : 0) + (period.Weeks != 0 ? 1 : 0) + (period.Days != 0 ? 1 : 0);
            if (units == 1)
            {
                var (value, unit) = period.Years > 0 ? (period.Years, "a")
                    : period.Months > 0 ? (period.Months, "mo")
                    : period.Weeks > 0 ? (period.Weeks, "wk")
                    : (period.Days, "d");
                if (value > 0)
                {
                    return Ucum(value, unit);
                }
            }
        }

        return new FhirString(PeriodPattern.Roundtrip.Format(period));
    }

    /// <summary>Reads a period written by <see cref="ToFhir(Period)"/>.</summary>
    public static bool TryRead(DataType? value, out Period period)
    {
        period = Period.Zero;
        switch (value)
        {
            case Quantity { Value: { } amount } quantity when (quantity.System is null || quantity.System == IptFhirUris.Ucum)
                && amount > 0 && amount <= int.MaxValue && amount == decimal.Truncate(amount):
                var n = (int)amount;
                Period? read = (quantity.Code ?? quantity.Unit) switch
                {
                    "a" => Period.FromYears(n),
                    "mo" => Period.FromMonths(n),
                    "wk" => Period.FromWeeks(n),
                    "d" => Period.FromDays(n),
                    _ => null,
                };
                period = read ?? Period.Zero;
                return read is not null;
            case FhirString { Value: { } text }:
                var parsed = PeriodPattern.Roundtrip.Parse(text);
                period = parsed.Success ? parsed.Value : Period.Zero;
                return parsed.Success;
            default:
                return false;
        }
    }

    /// <summary>A date as a FHIR date (YYYY-MM-DD).</summary>
    public static string Text(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a FHIR date or dateTime that has day precision and no time.</summary>
    public static bool TryReadDate(string? text, out LocalDate date)
    {
        var parsed = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private static FhirDuration Ucum(decimal value, string unit) => new() { Value = value, Unit = unit, System = IptFhirUris.Ucum, Code = unit };
}
