using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Clients;

namespace Polku.Core.Data.Configurations;

internal sealed class GuardianshipConfiguration : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> b)
    {
        b.HasIndex(g => new { g.GuardianId, g.ChildId }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(g => g.GuardianId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
