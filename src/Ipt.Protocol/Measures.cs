using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol;

/// <summary>A named range of totals of an instrument, such as PHQ-9 "moderate" (10 to 14).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScoreBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="name">The band's name.</param>
    /// <param name="min">The lowest total in the band.</param>
    /// <param name="max">The highest total in the band.</param>
    /// <exception cref="ArgumentException">The name is blank or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public ScoreBand(string name, int min, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        Name = name;
        Min = min;
        Max = max;
    }

    /// <summary>Gets the band's name.</summary>
    public string Name { get; }

    /// <summary>Gets the lowest total in the band.</summary>
    public int Min { get; }

    /// <summary>Gets the highest total in the band.</summary>
    public int Max { get; }

    /// <summary>Returns whether <paramref name="total"/> falls in the band (a mean score falls in it when it is between its bounds).</summary>
    /// <param name="total">A score.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(decimal total) => total >= Min && total <= Max;
}

/// <summary>
/// A scored instrument (PHQ-9, GAD-7, ...): item count and ranges, bands and thresholds.
/// Built-ins are in <see cref="BuiltInInstruments"/>; hosts may define their own.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Instrument
{
    /// <summary>Gets the instrument's id.</summary>
    public required InstrumentId Id { get; init; }

    /// <summary>Gets the instrument's display name.</summary>
    public required string Name { get; init => field = Guard.RequiredText(value, nameof(Name)); }

    /// <summary>Gets the number of items, or <see langword="null"/> when items are not recorded one by one.</summary>
    public int? ItemCount { get; init => field = Guard.Positive(value, nameof(ItemCount)); }

    /// <summary>Gets the lowest score of one item.</summary>
    public int ItemMin { get; init; }

    /// <summary>Gets the highest score of one item, or <see langword="null"/> when items differ in range.</summary>
    public int? ItemMax { get; init; }

    /// <summary>Gets the lowest total.</summary>
    public int TotalMin { get; init; }

    /// <summary>Gets the highest total.</summary>
    public required int TotalMax { get; init; }

    /// <summary>Gets the severity bands, lowest first.</summary>
    public ValueList<ScoreBand> Bands { get; init; }

    /// <summary>Gets the total at or above which a score counts as a case, when defined.</summary>
    public int? CasenessThreshold { get; init; }

    /// <summary>Gets the smallest change of total that counts as reliable, when defined.</summary>
    public int? ReliableChange { get; init; }

    /// <summary>Gets the 1-based number of the safety item (thoughts of death or self-harm, suicide), when the instrument has one; a score above 0 needs a risk review in the same session.</summary>
    public int? SafetyItem { get; init => field = Guard.Positive(value, nameof(SafetyItem)); }

    /// <summary>
    /// Gets the score below which a course ends in remission, when the instrument defines one (PHQ-9:
    /// below 5; HRSD-17: 7 or less, that is below 8). Sources differ for some instruments, so a host
    /// can register its own instrument with another threshold.
    /// </summary>
    public int? RemissionBelow { get; init; }

    /// <summary>Gets a value indicating whether a higher total means more severe symptoms (true for every built-in except SRM).</summary>
    public bool HigherIsWorse { get; init; } = true;

    /// <summary>Gets how the score is made: the sum of the items (a whole number), or their mean (a decimal, such as the Social Rhythm Metric).</summary>
    public ScoreKind Scoring { get; init => field = Guard.Defined(value, nameof(Scoring)); }

    /// <summary>Gets who usually rates the instrument: the patient (a questionnaire) or a clinician (a rating scale).</summary>
    public Rater Rater { get; init => field = Guard.Defined(value, nameof(Rater)); }

    /// <summary>Gets the LOINC code of the instrument's panel (questionnaire), when one is verified; <see langword="null"/> otherwise.</summary>
    public string? LoincPanel { get; init; }

    /// <summary>Gets the LOINC code of the instrument's total score, when one is verified; <see langword="null"/> otherwise.</summary>
    public string? LoincTotal { get; init; }

    /// <summary>Gets the LOINC codes of the items in item order, when they are verified; empty otherwise.</summary>
    public ValueList<string> LoincItems { get; init; }

    /// <summary>Gets where the instrument's facts come from.</summary>
    public required Citation Citation { get; init; }

    /// <summary>Gets the most severe band (the highest band when a higher score is worse), when the instrument has bands.</summary>
    public ScoreBand? MostSevereBand => Bands.IsEmpty ? null : HigherIsWorse ? Bands[^1] : Bands[0];

    /// <summary>Returns whether a score is at or above the instrument's caseness threshold.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> at caseness; <see langword="false"/> below it or when the instrument has no threshold.</returns>
    public bool IsCase(decimal score) => CasenessThreshold is { } threshold && score >= threshold;

    /// <summary>Returns whether a score is in remission: below <see cref="RemissionBelow"/>.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> in remission; <see langword="false"/> otherwise or when the instrument has no threshold.</returns>
    public bool IsRemission(decimal score) => RemissionBelow is { } below && score < below;

    /// <summary>Returns the band of a total, when one contains it.</summary>
    /// <param name="total">A total score.</param>
    /// <returns>The band, or <see langword="null"/>.</returns>
    public ScoreBand? BandOf(decimal total)
    {
        foreach (var band in Bands)
        {
            if (band.Contains(total))
            {
                return band;
            }
        }

        return null;
    }

    /// <summary>Returns the instrument's name and id.</summary>
    /// <returns>A string such as <c>PHQ-9 (phq-9)</c>.</returns>
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>The built-in instruments of the domain reference, sections 8, 11.3 and 11.5, with their safety items, thresholds and verified LOINC codes.</summary>
public static class BuiltInInstruments
{
    private static readonly Citation Convention = new(Confidence.High, "CONVENTION");

    /// <summary>Gets PHQ-9: 9 items 0-3, total 0-27; caseness 10, reliable change 6, remission below 5; item 9 is the safety item. LOINC 44249-1 (panel), 44261-6 (total) and the nine item codes [LOINC] (H).</summary>
    public static Instrument Phq9 { get; } = new()
    {
        Id = InstrumentId.From("phq-9"),
        Name = "PHQ-9",
        ItemCount = 9,
        ItemMax = 3,
        TotalMax = 27,
        Bands = [new("minimal", 0, 4), new("mild", 5, 9), new("moderate", 10, 14), new("moderately severe", 15, 19), new("severe", 20, 27)],
        CasenessThreshold = 10,
        ReliableChange = 6,
        RemissionBelow = 5,
        SafetyItem = 9,
        LoincPanel = "44249-1",
        LoincTotal = "44261-6",
        LoincItems = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"],
        Citation = new(Confidence.High, "KROENKE01", "NHSTT", "IPTI", "LOINC"),
    };

    /// <summary>Gets GAD-7: 7 items 0-3, total 0-21; caseness 8, reliable change 4. LOINC 69737-5 (panel), 70274-6 (total) and the seven item codes [LOINC] (H).</summary>
    public static Instrument Gad7 { get; } = new()
    {
        Id = InstrumentId.From("gad-7"),
        Name = "GAD-7",
        ItemCount = 7,
        ItemMax = 3,
        TotalMax = 21,
        Bands = [new("minimal", 0, 4), new("mild", 5, 9), new("moderate", 10, 14), new("severe", 15, 21)],
        CasenessThreshold = 8,
        ReliableChange = 4,
        LoincPanel = "69737-5",
        LoincTotal = "70274-6",
        LoincItems = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
        Citation = new(Confidence.High, "NHSTT", "CONVENTION", "LOINC"),
    };

    /// <summary>
    /// Gets HRSD-17 (Hamilton), clinician-rated: total 0-52, items differ in range; item 3 (suicide, 0-4) is
    /// the safety item. The bands are the common convention (0-7 no depression, 8-13 mild, 14-18 moderate,
    /// 19-22 severe, 23 and over very severe) [CONVENTION] (H); a score of 0-7 is the band "no depression",
    /// while remission (7 or less, <see cref="Instrument.RemissionBelow"/> 8) is an outcome of a course.
    /// Zimmerman et al. 2013 give another band set (cut-offs 17 and 24); register a host instrument for it.
    /// </summary>
    public static Instrument Hrsd17 { get; } = new()
    {
        Id = InstrumentId.From("hrsd-17"),
        Name = "HRSD-17",
        ItemCount = 17,
        TotalMax = 52,
        Bands = [new("no depression", 0, 7), new("mild", 8, 13), new("moderate", 14, 18), new("severe", 19, 22), new("very severe", 23, 52)],
        RemissionBelow = 8,
        SafetyItem = 3,
        Rater = Rater.Clinician,
        Citation = new(Confidence.High, "HAMILTON60", "MARK", "CONVENTION"),
    };

    /// <summary>Gets BDI-II: 21 items 0-3, total 0-63; item 9 (suicidal thoughts or wishes) is the safety item.</summary>
    public static Instrument BdiII { get; } = new()
    {
        Id = InstrumentId.From("bdi-ii"),
        Name = "BDI-II",
        ItemCount = 21,
        ItemMax = 3,
        TotalMax = 63,
        Bands = [new("minimal", 0, 13), new("mild", 14, 19), new("moderate", 20, 28), new("severe", 29, 63)],
        SafetyItem = 9,
        Citation = new(Confidence.High, "BECK96", "CONVENTION"),
    };

    /// <summary>Gets EPDS: 10 items 0-3 (as scored), total 0-30; 13 or more is probable depression; reliable change 4; item 10 (the thought of harming myself) is the safety item.</summary>
    public static Instrument Epds { get; } = new()
    {
        Id = InstrumentId.From("epds"),
        Name = "EPDS",
        ItemCount = 10,
        ItemMax = 3,
        TotalMax = 30,
        Bands = [new("below threshold", 0, 12), new("probable depression", 13, 30)],
        CasenessThreshold = 13,
        ReliableChange = 4,
        RemissionBelow = 10,
        SafetyItem = 10,
        Citation = new(Confidence.High, "COX87", "MATTHEY04", "DENNIS", "CONVENTION"),
    };

    /// <summary>
    /// Gets WSAS (Work and Social Adjustment Scale): 5 items 0-8, total 0-40, with Mundt et al.'s bands: below
    /// 10 subclinical, 10-20 significant functional impairment, above 20 moderately severe or worse
    /// [MUNDT02] (H). WSAS has no caseness threshold: Mundt's bands describe impairment, not a case, and NHS
    /// Talking Therapies collect WSAS as the disability measure without using it for recovery [NHSTT] (H).
    /// No reliable change index is verified.
    /// </summary>
    public static Instrument Wsas { get; } = new()
    {
        Id = InstrumentId.From("wsas"),
        Name = "WSAS",
        ItemCount = 5,
        ItemMax = 8,
        TotalMax = 40,
        Bands = [new("subclinical", 0, 9), new("significant functional impairment", 10, 20), new("moderately severe or worse", 21, 40)],
        Citation = new(Confidence.High, "MUNDT02", "NHSTT"),
    };

    /// <summary>Gets SRM-5 (Social Rhythm Metric, 5 anchor activities): a mean score 0-7, higher is more regular.</summary>
    public static Instrument Srm5 { get; } = new()
    {
        Id = InstrumentId.From("srm-5"),
        Name = "SRM-5",
        TotalMax = 7,
        HigherIsWorse = false,
        Scoring = ScoreKind.Mean,
        Citation = new(Confidence.High, "FRANK"),
    };

    /// <summary>Gets SRM-17 (Social Rhythm Metric, 17 activities): a mean score 0-7, higher is more regular.</summary>
    public static Instrument Srm17 { get; } = new()
    {
        Id = InstrumentId.From("srm-17"),
        Name = "SRM-17",
        TotalMax = 7,
        HigherIsWorse = false,
        Scoring = ScoreKind.Mean,
        Citation = new(Confidence.High, "FRANK"),
    };

    /// <summary>
    /// Gets ASRM (Altman Self-Rating Mania Scale): 5 items 0-4, total 0-20; 6 or more is probable mania or
    /// hypomania [ALTMAN97] (H). IPSRT tracks mania as well as depression; which mania measure a service
    /// uses is its choice (the IPSRT sources do not prescribe one).
    /// </summary>
    public static Instrument Asrm { get; } = new()
    {
        Id = InstrumentId.From("asrm"),
        Name = "ASRM",
        ItemCount = 5,
        ItemMax = 4,
        TotalMax = 20,
        CasenessThreshold = 6,
        Citation = new(Confidence.High, "ALTMAN97"),
    };

    /// <summary>
    /// Gets YMRS (Young Mania Rating Scale), clinician-rated: 11 items, items 5, 6, 8 and 9 scored 0-8 and the
    /// others 0-4, total 0-60 [YOUNG78] (H). No cut-off is built in: the remission threshold used in trials
    /// (12 or less) is not verified, so a host registers its own instrument for it.
    /// </summary>
    public static Instrument Ymrs { get; } = new()
    {
        Id = InstrumentId.From("ymrs"),
        Name = "YMRS",
        ItemCount = 11,
        TotalMax = 60,
        Rater = Rater.Clinician,
        Citation = new(Confidence.High, "YOUNG78"),
    };

    /// <summary>
    /// Gets the EDE-Q global score (Eating Disorder Examination Questionnaire 6.0): the mean of its four
    /// subscales (restraint, eating, shape and weight concern), each a mean of items rated 0-6, so a decimal
    /// from 0 to 6 [FAIRBURN08] (H). Recorded as a mean (<see cref="Measurement.OfMean"/>); items are not
    /// recorded one by one (the global is not a mean of the 28 items). No cut-off is built in.
    /// </summary>
    public static Instrument EdeQ { get; } = new()
    {
        Id = InstrumentId.From("ede-q"),
        Name = "EDE-Q global",
        TotalMax = 6,
        Scoring = ScoreKind.Mean,
        Citation = new(Confidence.High, "FAIRBURN08"),
    };

    /// <summary>
    /// Gets EDE-Q binge days: EDE-Q item 15, the number of days in the past 28 with an objective binge episode
    /// (0-28) [FAIRBURN08] (H). No binge day in 28 days is remission here: Wilfley et al.'s group IPT trial
    /// judged binge-eating recovery as abstinence from objective binge episodes over 28 days, rated by the EDE
    /// interview [WILFLEY] (H); reading it from the questionnaire's item is this library's mapping (M).
    /// </summary>
    public static Instrument EdeQBingeDays { get; } = new()
    {
        Id = InstrumentId.From("ede-q-binge-days"),
        Name = "EDE-Q binge days",
        TotalMax = 28,
        RemissionBelow = 1,
        Citation = new(Confidence.Medium, "FAIRBURN08", "WILFLEY"),
    };

    private static readonly Instrument[] AllInstruments = [Phq9, Gad7, Hrsd17, BdiII, Epds, Wsas, Srm5, Srm17, Asrm, Ymrs, EdeQ, EdeQBingeDays];

    /// <summary>Gets every built-in instrument. Look one up by id with <see cref="InstrumentRegistry.BuiltIn"/>.</summary>
    public static ValueList<Instrument> All { get; } = [.. AllInstruments];

    /// <summary>Looks up a built-in instrument by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="instrument">The instrument, when found.</param>
    /// <returns><see langword="true"/> when built in.</returns>
    internal static bool TryGet(InstrumentId id, [NotNullWhen(true)] out Instrument? instrument)
    {
        // An index loop over the array: no enumerator, so lookups on the validation path allocate nothing.
        foreach (var candidate in AllInstruments)
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
}

/// <summary>
/// One administration of an instrument at a session: a total, item scores, or both.
/// For a built-in instrument the item count and item ranges are checked when the value is built;
/// a total outside the instrument's range is a protocol finding, reported by the rule engine.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Measurement
{
    /// <summary>Creates a measurement.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <param name="total">The total, when recorded.</param>
    /// <param name="items">The item scores in item order, when recorded.</param>
    /// <exception cref="ArgumentException">Neither a total nor items are given, the total is negative, or items break a built-in instrument's item count or range.</exception>
    public Measurement(InstrumentId instrument, int? total = null, IEnumerable<int>? items = null)
        : this(instrument, total, items is null ? ValueList<int>.Empty : ValueList.From(items))
    {
    }

    /// <summary>Creates a measurement from item scores already in a list (no copy); the checks are the public constructor's.</summary>
    internal Measurement(InstrumentId instrument, int? total, ValueList<int> items)
    {
        var list = items;
        if (instrument == default)
        {
            throw new ArgumentException("The instrument id is missing.", nameof(instrument));
        }

        if (total is null && list.IsEmpty)
        {
            throw new ArgumentException("A measurement has a total, item scores, or both.", nameof(total));
        }

        if (total is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "total must be 0 or more.");
        }

        if (!list.IsEmpty && BuiltInInstruments.TryGet(instrument, out var known))
        {
            if (known.ItemCount is { } count && list.Count != count)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{known.Name} has {count} items; {list.Count} were given."),
                    nameof(items));
            }

            if (known.ItemMax is { } max)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] < known.ItemMin || list[i] > max)
                    {
                        throw new ArgumentOutOfRangeException(
                            nameof(items),
                            list[i],
                            string.Create(CultureInfo.InvariantCulture, $"{known.Name} item {i + 1} must be between {known.ItemMin} and {max}."));
                    }
                }
            }
        }

        Instrument = instrument;
        Total = total;
        Items = list;
    }

    private Measurement(InstrumentId instrument, decimal mean)
    {
        Instrument = instrument;
        Mean = mean;
        Items = ValueList<int>.Empty;
    }

    /// <summary>Creates the measurement of an instrument whose score is a mean (such as the Social Rhythm Metric): a decimal, not a sum of items.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <param name="mean">The mean score (0 or more).</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="ArgumentException">The instrument id is missing or the mean is negative.</exception>
    public static Measurement OfMean(InstrumentId instrument, decimal mean)
    {
        if (instrument == default)
        {
            throw new ArgumentException("The instrument id is missing.", nameof(instrument));
        }

        if (mean < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "mean must be 0 or more.");
        }

        return new(instrument, mean);
    }

    /// <summary>Gets the instrument's id.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>Gets the mean score, for an instrument whose score is a mean (<see cref="ScoreKind.Mean"/>); <see langword="null"/> otherwise.</summary>
    public decimal? Mean { get; }

    /// <summary>Gets the recorded total, when recorded.</summary>
    public int? Total { get; }

    /// <summary>Gets who rated the measurement, when recorded.</summary>
    public Rater? Rater { get; init => field = Guard.Defined(value, nameof(Rater)); }

    /// <summary>Gets the item scores in item order (empty when only a total was recorded).</summary>
    public ValueList<int> Items { get; }

    /// <summary>Gets the score as a number: the mean for a mean-scored instrument, else <see cref="Score"/>.</summary>
    public decimal Value => Mean ?? Score;

    /// <summary>Gets the score of a summed instrument: the recorded total, or else the sum of the items (0 for a mean-only measurement; read <see cref="Value"/> instead).</summary>
    public int Score
    {
        get
        {
            if (Total is { } total)
            {
                return total;
            }

            var sum = 0;
            foreach (var item in Items)
            {
                sum += item;
            }

            return sum;
        }
    }

    /// <summary>Returns the first measurement of an instrument in a list, without allocating.</summary>
    /// <param name="measures">The measurements.</param>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The measurement, or <see langword="null"/>.</returns>
    internal static Measurement? FirstOf(ValueList<Measurement> measures, InstrumentId instrument)
    {
        foreach (var measure in measures.AsSpan())
        {
            if (measure.Instrument == instrument)
            {
                return measure;
            }
        }

        return null;
    }

    /// <summary>Returns the score of a 1-based item, when items were recorded.</summary>
    /// <param name="itemNumber">The 1-based item number.</param>
    /// <returns>The item's score, or <see langword="null"/>.</returns>
    public int? Item(int itemNumber) => itemNumber >= 1 && itemNumber <= Items.Count ? Items[itemNumber - 1] : null;

    /// <summary>Returns the instrument and score (scores are not free text).</summary>
    /// <returns>A string such as <c>phq-9 = 14</c> or <c>srm-5 = 4.2</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Instrument} = {Value}");
}
