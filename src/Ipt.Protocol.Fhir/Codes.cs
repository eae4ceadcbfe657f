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
/// document's enum names), the verified LOINC codes (docs/fhir.md, with sources), and UCUM
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

    /// <summary>PHQ-9 item codes in item order (US Core PHQ-9 examples; not in numeric order).</summary>
    internal static readonly string[] Phq9Items = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];

    /// <summary>GAD-7 item codes in item order (HL7 PHR IG, MII PRO IG).</summary>
    internal static readonly string[] Gad7Items = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"];

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

    /// <summary>The LOINC code of an instrument's item, when verified.</summary>
    public static string? LoincItem(InstrumentId instrument, int index, int count)
    {
        if (instrument == BuiltInInstruments.Phq9.Id && count == Phq9Items.Length)
        {
            return Phq9Items[index];
        }

        return instrument == BuiltInInstruments.Gad7.Id && count == Gad7Items.Length ? Gad7Items[index] : null;
    }

    /// <summary>The LOINC code of an instrument's total score, when verified (PHQ-9 44261-6, GAD-7 70274-6).</summary>
    public static Coding? LoincTotal(InstrumentId instrument) =>
        instrument == BuiltInInstruments.Phq9.Id ? new Coding(IptFhirUris.Loinc, "44261-6", "Patient health questionnaire 9 item total score")
        : instrument == BuiltInInstruments.Gad7.Id ? new Coding(IptFhirUris.Loinc, "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]")
        : null;

    /// <summary>Whether the instrument's items are answered with the LOINC frequency answers (PHQ-9, GAD-7).</summary>
    public static bool HasLoincAnswers(InstrumentId instrument) => instrument == BuiltInInstruments.Phq9.Id || instrument == BuiltInInstruments.Gad7.Id;

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
