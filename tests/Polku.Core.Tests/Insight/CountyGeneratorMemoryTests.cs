using System.Globalization;
using System.Text;
using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

/// <summary>Tests that measure the process's live memory run alone: other tests' allocations would be counted too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "memory measurement";
}

/// <summary>The generator writes as it goes (SPEC §5.1): a county's files never sit in memory.</summary>
[Collection(MemoryMeasurement.Name)]
public sealed class CountyGeneratorMemoryTests
{
    [Fact]
    public void Generation_Streams_WithoutHoldingTheFilesInMemory()
    {
        using var personsOut = new CountingWriter();
        using var eventsOut = new CountingWriter();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var county = CountyGenerator.Generate(40_000, new Random(5), personsOut, eventsOut);

        // About 60 MB of text went out; what stays behind is small.
        Assert.True(eventsOut.Characters > 40_000_000, eventsOut.Characters.ToString(CultureInfo.InvariantCulture));
        Assert.True(county.Events > 400_000);
        Assert.InRange(eventsOut.MaxLiveBytes - before, long.MinValue, 32_000_000);
    }

    private sealed class CountingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public long Characters { get; private set; }

        public long MaxLiveBytes { get; private set; }

        public override void Write(char value) => Characters++;

        public override void Write(string? value)
        {
            var length = value?.Length ?? 0;
            if ((Characters + length) / 4_000_000 != Characters / 4_000_000)
            {
                MaxLiveBytes = Math.Max(MaxLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }

            Characters += length;
        }
    }
}
