// filled by the API documentation screen
