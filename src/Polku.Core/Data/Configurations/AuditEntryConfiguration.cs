using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Audit;

namespace Polku.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasIndex(e => new { e.ClientId, e.At });
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Resource).HasMaxLength(100);

        // No foreign key to Clients: the log must outlive any change to the client record.
    }
}
