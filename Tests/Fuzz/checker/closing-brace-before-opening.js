vam365businesspremi}]},{"id
