namespace Ipt.Protocol.Tests.Model;

/// <summary>The corrected instrument facts of issue 15, each against its source.</summary>
public class InstrumentFactTests
{
    [Theory]
    [InlineData(9, "subclinical")]
    [InlineData(10, "significant functional impairment")]
    [InlineData(20, "significant functional impairment")]
    [InlineData(21, "moderately severe or worse")]
    public void Wsas_bands_are_mundts(int total, string band)
    {
        // Mundt et al. 2002: below 10 subclinical, 10-20 significant impairment, above 20 moderately severe or worse.
        Assert.Equal(band, BuiltInInstruments.Wsas.BandOf(total)!.Name);
    }

    [Fact]
    public void Wsas_has_no_caseness_threshold()
    {
        Assert.Null(BuiltInInstruments.Wsas.CasenessThreshold);
        Assert.False(BuiltInInstruments.Wsas.IsCase(40));
    }

    [Fact]
    public void Hrsd17_scores_0_to_7_are_the_band_no_depression_and_remission_stays_an_outcome()
    {
        Assert.Equal("no depression", BuiltInInstruments.Hrsd17.BandOf(7)!.Name);
        Assert.True(BuiltInInstruments.Hrsd17.IsRemission(7));
        Assert.False(BuiltInInstruments.Hrsd17.IsRemission(8));
        Assert.DoesNotContain(BuiltInInstruments.Hrsd17.Bands, b => b.Name == "remission");
    }

    [Fact]
    public void Mania_measures_have_their_published_ranges()
    {
        // ASRM: 5 items 0-4, total 0-20, 6 or more probable (hypo)mania (Altman 1997).
        Assert.Equal((5, 4, 20, 6), (BuiltInInstruments.Asrm.ItemCount, BuiltInInstruments.Asrm.ItemMax, BuiltInInstruments.Asrm.TotalMax, BuiltInInstruments.Asrm.CasenessThreshold));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Measurement(BuiltInInstruments.Asrm.Id, items: [5, 0, 0, 0, 0]));

        // YMRS: 11 items of two ranges, total 0-60, clinician-rated, no built-in cut-off (Young 1978).
        Assert.Equal((11, (int?)null, 60), (BuiltInInstruments.Ymrs.ItemCount, BuiltInInstruments.Ymrs.ItemMax, BuiltInInstruments.Ymrs.TotalMax));
        Assert.Equal(Rater.Clinician, BuiltInInstruments.Ymrs.Rater);
        Assert.Null(BuiltInInstruments.Ymrs.CasenessThreshold);
        Assert.Null(BuiltInInstruments.Ymrs.RemissionBelow);
    }

    [Fact]
    public void Binge_eating_measures_are_a_mean_0_to_6_and_a_count_of_days_in_28()
    {
        Assert.Equal(ScoreKind.Mean, BuiltInInstruments.EdeQ.Scoring);
        Assert.Equal(6, BuiltInInstruments.EdeQ.TotalMax);
        Assert.Equal(28, BuiltInInstruments.EdeQBingeDays.TotalMax);
        Assert.True(BuiltInInstruments.EdeQBingeDays.IsRemission(0));
        Assert.False(BuiltInInstruments.EdeQBingeDays.IsRemission(1));
    }
}
