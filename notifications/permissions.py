"""Who may do what to a notification in the admin, beyond Django's model permissions."""

from wagtail.permission_policies import ModelPermissionPolicy


class NotificationPermissionPolicy(ModelPermissionPolicy):
    """Nobody may delete an issued or withdrawn notification, superusers included: the
    admin then offers no Delete for it (edit view, listing, bulk actions)."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if action == "delete" and not instance.is_deletable:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records nobody writes by hand (what the demo mail sink received): read and delete."""

    READ_ONLY = frozenset({"add", "change"})

    def user_has_permission(self, user, action) -> bool:
        return action not in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return super().user_has_any_permission(user, set(actions) - self.READ_ONLY)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return action not in self.READ_ONLY and super().user_has_permission_for_instance(
            user, action, instance
        )
