using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal sealed class ServiceChannelConfiguration : IEntityTypeConfiguration<ServiceChannel>
{
    public void Configure(EntityTypeBuilder<ServiceChannel> b)
    {
        b.Property(c => c.Key).HasMaxLength(100);
        b.HasIndex(c => c.Key).IsUnique();
        b.HasIndex(c => c.PtvId).IsUnique();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.PhoneChargeType).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Url).HasMaxLength(500);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Email).HasMaxLength(254);
        b.ComplexProperty(c => c.Name, n => LocalisedTextMapping.Columns(n, "Name", 200));
        b.ComplexProperty(c => c.Description, n => LocalisedTextMapping.Columns(n, "Description", 2500));
        b.ComplexProperty(c => c.Address, a =>
        {
            a.ComplexProperty(x => x.Street, n => LocalisedTextMapping.Columns(n, "Street", 150));
            a.ComplexProperty(x => x.PostOffice, n => LocalisedTextMapping.Columns(n, "PostOffice", 100));
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(5);
            a.Property(x => x.MunicipalityCode).HasColumnName("AddressMunicipalityCode").HasMaxLength(3);
        });
        b.PrimitiveCollection(c => c.Languages);
        b.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.OpeningHours).WithOne().HasForeignKey(h => h.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
