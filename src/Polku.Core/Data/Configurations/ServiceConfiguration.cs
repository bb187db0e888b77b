using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Key).HasMaxLength(100);
        b.HasIndex(s => s.Key).IsUnique();
        b.HasIndex(s => s.PtvId).IsUnique();
        b.Property(s => s.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.FundingType).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.UnitCostEur).HasPrecision(10, 2);
        b.Property(s => s.NeedProfile).HasMaxLength(40);
        b.ComplexProperty(s => s.Name, n => LocalisedTextMapping.Columns(n, "Name", 200));
        b.ComplexProperty(s => s.Summary, n => LocalisedTextMapping.Columns(n, "Summary", 500));
        b.ComplexProperty(s => s.Description, n => LocalisedTextMapping.Columns(n, "Description", 4000));
        b.ComplexProperty(s => s.Burden, burden =>
        {
            burden.Property(x => x.TimeHours).HasColumnName("BurdenTimeHours").HasPrecision(8, 2);
            burden.Property(x => x.OutOfPocketEur).HasColumnName("BurdenOutOfPocketEur").HasPrecision(10, 2);
            burden.Property(x => x.EventsPerYear).HasColumnName("BurdenEventsPerYear");
        });
        b.PrimitiveCollection(s => s.ServiceClasses);
        b.PrimitiveCollection(s => s.TargetGroups);
        b.PrimitiveCollection(s => s.LifeEvents);
        b.PrimitiveCollection(s => s.Areas);
        b.PrimitiveCollection(s => s.Languages);
        b.PrimitiveCollection(s => s.Customerships).ElementType(e => e.HasConversion<string>());
        b.HasOne(s => s.ResponsibleOrganisation).WithMany().HasForeignKey(s => s.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Producers).WithMany().UsingEntity("ServiceProducers",
            r => r.HasOne(typeof(Organisation)).WithMany().HasForeignKey("OrganisationId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Service)).WithMany().HasForeignKey("ServiceId").OnDelete(DeleteBehavior.Cascade));
        b.HasMany(s => s.Channels).WithMany(c => c.Services).UsingEntity("ServiceChannelLinks",
            r => r.HasOne(typeof(ServiceChannel)).WithMany().HasForeignKey("ChannelId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Service)).WithMany().HasForeignKey("ServiceId").OnDelete(DeleteBehavior.Cascade));
    }
}
