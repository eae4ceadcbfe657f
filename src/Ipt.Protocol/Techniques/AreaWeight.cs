namespace Ipt.Protocol.Techniques;

/// <summary>How strongly a technique fits a problem area, from 0 to 1.</summary>
/// <param name="Area">The problem area.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct AreaWeight(ProblemArea Area, double Weight);
