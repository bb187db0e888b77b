using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Clients;
using Polku.Core.Notifications;

namespace Polku.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => n.DeduplicationKey).IsUnique();
        b.HasIndex(n => new { n.Status, n.Id });
        b.HasIndex(n => n.ClientId);
        b.Property(n => n.DeduplicationKey).HasMaxLength(200);
        b.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Address).HasMaxLength(320);
        b.Property(n => n.Language).HasMaxLength(2);
        b.Property(n => n.TemplateKey).HasMaxLength(100);
        b.Property(n => n.Arguments).HasMaxLength(2000);
        b.Property(n => n.Problem).HasMaxLength(100);
        b.Ignore(n => n.ArgumentList);
        b.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> b)
    {
        b.HasIndex(o => new { o.ClientId, o.Category }).IsUnique();
        b.Property(o => o.Category).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
