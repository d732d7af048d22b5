// WebhookNotifier: placeholder until its issue lands.
enum WebhookNotifierModule {}
