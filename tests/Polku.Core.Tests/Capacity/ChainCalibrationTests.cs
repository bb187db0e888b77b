using Polku.Core.Capacity;
using Polku.Core.Insight;
using Polku.Core.Tests.Insight;

namespace Polku.Core.Tests.Capacity;

public sealed class ChainCalibrationTests
{
    [Fact]
    public void Extract_GivesArrivalsReferralSharesAndWaitsByLevel()
    {
        var extract = new Extracts().Persons("P1", "P2", "P3", "P4")
            .Event("P1", 10, "universal", start: "2025-01-01", id: "U1")
            .Event("P2", 10, "universal", start: "2025-01-02", id: "U2")
            .Event("P3", 10, "universal", start: "2025-01-03", id: "U3")
            .Event("P4", 10, "universal", start: "2025-01-04", id: "U4")
            .Event("P1", 50, "basic", start: "2025-01-05", id: "B1", referralFrom: "U1")
            .Event("P4", 50, "basic", start: "2025-01-11", id: "B2")
            .Event("P1", 90, "specialist", start: "2025-01-11", id: "S1", referralFrom: "B1")
            .Load().Extract!;

        var calibration = ChainCalibration.FromExtract(extract);

        Assert.Equal(10, calibration.SpanDays);
        var universal = calibration.Levels[(int)ServiceLevel.Universal];
        Assert.Equal((4L, 0.4), (universal.Events, universal.NewPerDay));
        Assert.Equal(0.25, calibration.Share(ServiceLevel.Universal, ServiceLevel.Basic));
        Assert.Equal(0.5, calibration.Share(ServiceLevel.Basic, ServiceLevel.Specialist));
        Assert.Equal(0.1, calibration.Levels[(int)ServiceLevel.Basic].NewPerDay, 12);
        Assert.Equal(4, calibration.Levels[(int)ServiceLevel.Basic].MedianWaitDays);
        Assert.Equal(6, calibration.Levels[(int)ServiceLevel.Specialist].MedianWaitDays);
        Assert.Null(calibration.Levels[(int)ServiceLevel.Universal].MedianWaitDays);
    }
}
