using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol;

/// <summary>
/// Where a built-in fact comes from: one or more source keys (see <see cref="Sources"/>), an
/// optional locator (chapter, section, page) and how confident the sources make us.
/// Every built-in protocol, rule and technique carries one, so a clinician can check it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Citation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="confidence">How well the sources support the fact.</param>
    /// <param name="sources">One or more source keys, such as <c>WMK</c>.</param>
    /// <exception cref="ArgumentException">No source key is given, or a key is blank.</exception>
    [SetsRequiredMembers]
    public Citation(Confidence confidence, params string[] sources)
    {
        Confidence = confidence;
        Sources = ValueList.Create<string>(sources);
    }

    /// <summary>Gets the source keys, such as <c>WMK</c> or <c>MUFSON</c>; hosts may use keys of their own.</summary>
    public required ValueList<string> Sources
    {
        get;
        init
        {
            if (value.IsEmpty)
            {
                throw new ArgumentException("A citation names at least one source.", nameof(Sources));
            }

            foreach (var key in value)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Length > 64)
                {
                    throw new ArgumentException("A source key is 1 to 64 characters and not blank.", nameof(Sources));
                }
            }

            field = value;
        }
    }

    /// <summary>Gets the chapter, section or page, when known.</summary>
    public string? Locator { get; init => field = Guard.Text(value, nameof(Locator)); }

    /// <summary>Gets how well the sources support the fact.</summary>
    public required Confidence Confidence { get; init => field = Guard.Defined(value, nameof(Confidence)); }

    /// <summary>Gets the confidence mark used by the domain reference: H, M or L.</summary>
    public string ConfidenceMark => Confidence switch
    {
        Confidence.High => "H",
        Confidence.Medium => "M",
        _ => "L",
    };

    /// <summary>Returns a citation with a locator.</summary>
    /// <param name="locator">The chapter, section or page.</param>
    /// <returns>The new citation.</returns>
    public Citation WithLocator(string locator) => this with { Locator = locator };

    /// <summary>Formats the citation as <c>WMK, ISIPT (H)</c> or <c>WMK ch. 8 (H)</c>.</summary>
    /// <returns>The formatted citation.</returns>
    public override string ToString()
    {
        var keys = string.Join(", ", Sources);
        return Locator is null
            ? string.Create(CultureInfo.InvariantCulture, $"{keys} ({ConfidenceMark})")
            : string.Create(CultureInfo.InvariantCulture, $"{keys} {Locator} ({ConfidenceMark})");
    }
}

/// <summary>A published source that citations refer to by key.</summary>
/// <param name="Key">The short key, such as <c>WMK</c>.</param>
/// <param name="Reference">The full reference.</param>
public sealed record Source(string Key, string Reference);

/// <summary>The sources of the domain reference that built-in facts cite.</summary>
public static class Sources
{
    private static readonly Dictionary<string, Source> ByKey = Table().ToDictionary(s => s.Key, StringComparer.Ordinal);

    /// <summary>Gets every built-in source, in the order of the domain reference.</summary>
    public static ValueList<Source> All { get; } = [.. Table()];

    /// <summary>Looks up a source by key.</summary>
    /// <param name="key">The key, such as <c>WMK</c>.</param>
    /// <param name="source">The source, when found.</param>
    /// <returns><see langword="true"/> when the key is a built-in source.</returns>
    public static bool TryGet(string key, [NotNullWhen(true)] out Source? source) => ByKey.TryGetValue(key, out source);

    private static IEnumerable<Source> Table()
    {
        yield return new("SEEDS", "The three seed documents of the project (shared/seeds).");
        yield return new("WMK", "Weissman, Markowitz & Klerman, Comprehensive Guide to Interpersonal Psychotherapy (2000); The Guide to Interpersonal Psychotherapy (Oxford, 2018; ch. 8 deficits, ch. 10 techniques).");
        yield return new("MARK", "Markowitz, \"Interpersonal psychotherapy\", Focus 4(2):179 (2006), doi:10.1176/foc.4.2.179.");
        yield return new("ISIPT", "International Society for IPT, \"Key IPT strategies\".");
        yield return new("IPTUK", "IPT UK, \"Stages of IPT\".");
        yield return new("STUART", "Stuart & Robertson, Interpersonal Psychotherapy: A Clinician's Guide (2nd ed., 2012).");
        yield return new("IPTI", "IPT Institute public resources; IPT Quality and Adherence Scale.");
        yield return new("SWARTZ", "Swartz et al., brief IPT (IPT-B), Am J Psychother 68(4):443-462.");
        yield return new("MUFSON", "Mufson et al., Interpersonal Psychotherapy for Depressed Adolescents (2004); Dietz, Weinberg & Mufson (2018) inventory prompts.");
        yield return new("WHO", "WHO, Group Interpersonal Therapy (IPT) for Depression, WHO/MSD/MER/16.4 (2016).");
        yield return new("WILFLEY", "Wilfley et al., group IPT for binge-eating disorder: Wilfley et al. 2002, Arch Gen Psychiatry 59:713-721 (20 weekly group sessions; binge-eating recovery as abstinence from objective binge episodes over 28 days), and the group IPT manual.");
        yield return new("IPC", "Interpersonal Counselling (Weissman/Judd), 3-6 sessions.");
        yield return new("IPTEST", "IPT-EST, three-session evaluation, support and triage (PMC3433760).");
        yield return new("OHARA", "O'Hara, Stuart, Gorman & Wenzel 2000, \"Efficacy of interpersonal psychotherapy for postpartum depression\", Arch Gen Psychiatry 57:1039-1045 (12 weeks of weekly IPT).");
        yield return new("DENNIS", "Dennis et al., telephone IPT for postpartum depression: trial protocol, Trials 13:38 (2012, PMC3404910: 12 sessions within 12 to 16 weeks), and Dennis et al. 2020, Br J Psychiatry (12 weekly 60-minute telephone sessions by nurses).");
        yield return new("SPINELLI03", "Spinelli & Endicott, \"Controlled clinical trial of interpersonal psychotherapy versus parenting education program for depressed pregnant women\", Am J Psychiatry 160:555-562 (2003): 16 weeks of antenatal IPT.");
        yield return new("FRANK", "Frank, Treating Bipolar Disorder: A Clinician's Guide to Interpersonal and Social Rhythm Therapy (2005) and ipsrt.org; Monk et al. 2002, Social Rhythm Metric.");
        yield return new("FRANK90", "Frank et al. 1990, monthly maintenance IPT (IPT-M) over 3 years.");
        yield return new("FRANK07", "Frank et al. 2007, maintenance IPT frequency.");
        yield return new("CITC", "CITC Associates IPT pages (role disputes, role transitions, grief).");
        yield return new("ALPF", "IPT strategies summary (alpfmedical.info), including what IPT does not use.");
        yield return new("CSPRS", "Collaborative Study Psychotherapy Rating Scale, IPT subscales (PMC5718628).");
        yield return new("NHSTT", "NHS England / National Collaborating Centre for Mental Health, NHS Talking Therapies for anxiety and depression manual (2023; formerly the IAPT Manual), and NHS Digital's Talking Therapies data set definitions (attendance, finished treatment, paired outcomes).");
        yield return new("KROENKE01", "Kroenke, Spitzer & Williams, \"The PHQ-9: validity of a brief depression severity measure\", J Gen Intern Med 16:606-613 (2001).");
        yield return new("BECK96", "Beck, Steer & Brown, Manual for the Beck Depression Inventory-II (1996).");
        yield return new("HAMILTON60", "Hamilton, \"A rating scale for depression\", J Neurol Neurosurg Psychiatry 23:56-62 (1960).");
        yield return new("COX87", "Cox, Holden & Sagovsky, \"Detection of postnatal depression: development of the 10-item Edinburgh Postnatal Depression Scale\", Br J Psychiatry 150:782-786 (1987).");
        yield return new("MATTHEY04", "Matthey, \"Calculating clinically significant change in postnatal depression studies using the Edinburgh Postnatal Depression Scale\", J Affect Disord 78:269-272 (2004): reliable change of 4 points.");
        yield return new("LOINC", "LOINC codes as published in HL7 FHIR implementation guides: US Core example resources (PHQ-9 panel, items and total) and the HL7 Personal Health Record IG (GAD-7 panel, items and total).");
        yield return new("MUNDT02", "Mundt, Marks, Shear & Greist, \"The Work and Social Adjustment Scale: a simple measure of impairment in functioning\", Br J Psychiatry 180:461-464 (2002).");
        yield return new("ALTMAN97", "Altman, Hedeker, Peterson & Davis, \"The Altman Self-Rating Mania Scale\", Biol Psychiatry 42:948-955 (1997).");
        yield return new("YOUNG78", "Young, Biggs, Ziegler & Meyer, \"A rating scale for mania: reliability, validity and sensitivity\", Br J Psychiatry 133:429-435 (1978).");
        yield return new("FAIRBURN08", "Fairburn & Beglin, Eating Disorder Examination Questionnaire (EDE-Q 6.0), in Fairburn, Cognitive Behavior Therapy and Eating Disorders (2008): subscales and the global score are item means (0-6); item 15 counts the days with objective binge episodes in the past 28.");
        yield return new("WHOPILOT21", "A pilot of WHO group IPT in Ethiopia, Pilot and Feasibility Studies (2021), doi:10.1186/s40814-021-00889-x, Table 2: the pre-group meeting and the content of each group session, including a review of each member's symptoms at every session.");
        yield return new("CONVENTION", "General clinical convention for scored instruments (response, remission, caseness, reliable change).");
    }
}
