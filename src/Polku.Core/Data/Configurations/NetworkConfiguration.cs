using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;
using Polku.Core.Networks;

namespace Polku.Core.Data.Configurations;

/// <summary>A network with its members and thresholds as owned rows; removing an organisation removes its memberships.</summary>
internal sealed class ServiceNetworkConfiguration : IEntityTypeConfiguration<ServiceNetwork>
{
    public void Configure(EntityTypeBuilder<ServiceNetwork> b)
    {
        b.ComplexProperty(n => n.Name, n => LocalisedTextMapping.Columns(n, "Name", ServiceNetwork.NameMaxLength));
        b.ComplexProperty(n => n.Description, n => LocalisedTextMapping.Columns(n, "Description", ServiceNetwork.DescriptionMaxLength));
        b.Ignore(n => n.MemberIds);
        b.HasOne(n => n.Owner).WithMany().HasForeignKey(n => n.OwnerProfessionalId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(n => n.OwnerProfessionalId);
        b.OwnsMany(n => n.Members, m =>
        {
            m.ToTable("ServiceNetworkMembers");
            m.WithOwner().HasForeignKey(x => x.NetworkId);
            m.HasKey(x => new { x.NetworkId, x.OrganisationId });
            m.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => x.OrganisationId);
        });
        b.OwnsMany(n => n.Thresholds, t =>
        {
            t.ToTable("ServiceNetworkThresholds");
            t.WithOwner().HasForeignKey(x => x.NetworkId);
            t.HasKey(x => new { x.NetworkId, x.Measure });
            t.Property(x => x.Measure).HasMaxLength(40);
        });
    }
}
