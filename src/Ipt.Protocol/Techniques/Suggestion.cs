namespace Ipt.Protocol.Techniques;

/// <summary>One ranked suggestion of the <see cref="TechniqueAdvisor"/>.</summary>
/// <remarks>Immutable and thread-safe; made by the advisor only.</remarks>
public sealed record Suggestion
{
    internal Suggestion(TechniqueEntry technique, double score, string rationale, SuggestionReason reason)
    {
        Technique = technique;
        Score = score;
        Rationale = rationale;
        Reason = reason;
    }

    /// <summary>Gets the suggested catalogue entry.</summary>
    public TechniqueEntry Technique { get; }

    /// <summary>Gets the score, rounded to 4 decimals: higher ranks first, equal scores in id order. Overdue tasks score from 3, tasks due now from 2, other entries up to about 1.3.</summary>
    public double Score { get; }

    /// <summary>Gets a short rationale in plain words, naming the phase, focus and stage that led to the suggestion; built from names only, never from the course's free text or labels.</summary>
    public string Rationale { get; }

    /// <summary>Gets why the entry is suggested.</summary>
    public SuggestionReason Reason { get; }

    /// <summary>Describes the suggestion.</summary>
    /// <returns>A string such as <c>communication-analysis (FocusTechnique, 0.90): Role dispute at impasse in the middle phase: communication analysis.</c></returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Technique.Id} ({Reason}, {Score:0.00}): {Rationale}");
}
