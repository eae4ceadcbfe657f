namespace Ipt.Protocol.Techniques;

/// <summary>One ranked suggestion of the <see cref="TechniqueAdvisor"/>.</summary>
/// <param name="Technique">The suggested catalogue entry.</param>
/// <param name="Score">The score, rounded to 4 decimals: higher ranks first, equal scores in id order. Overdue tasks score from 3, tasks due now from 2, other entries up to about 1.3.</param>
/// <param name="Rationale">A short rationale in plain words, naming the phase, focus and stage that led to the suggestion; built from names only, never from the course's free text or labels.</param>
/// <param name="Reason">Why the entry is suggested.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Suggestion(TechniqueEntry Technique, double Score, string Rationale, SuggestionReason Reason)
{
    /// <summary>Describes the suggestion.</summary>
    /// <returns>A string such as <c>communication-analysis (FocusTechnique, 0.90): Role dispute at impasse in the middle phase: communication analysis.</c></returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Technique.Id} ({Reason}, {Score:0.00}): {Rationale}");
}
